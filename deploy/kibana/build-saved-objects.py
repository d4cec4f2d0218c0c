#!/usr/bin/env python3
"""Writes saved-objects.ndjson: the AgentOS data views, visualisations, saved searches and the
"AgentOS agent activity" dashboard, in the NDJSON that Kibana 8.x exports and imports
(POST /api/saved_objects/_import). Kibana keeps nested state as JSON strings (visState,
searchSourceJSON, panelsJSON), which is why this is generated rather than hand-written.

Every field named here must exist in the mappings the projection generates from the Avro schemas:
projections' KibanaSavedObjectsIT checks that against a real Elasticsearch.

Run from this folder: python3 build-saved-objects.py
"""
import json

CORE = "8.8.0"
STREAMS = [
    "interactions", "executions", "metrics", "memory", "memory-access", "contexts", "agents",
    "projects", "derived-patterns", "derived-features", "derived-predictions", "derived-models",
    "derived-health", "derived-anomalies", "deadletters",
]
ALL = "agentos-events-all"
INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"


def s(value):
    return json.dumps(value, separators=(",", ":"), sort_keys=False)


def view_id(stream):
    return "agentos-events-" + stream


def data_view(view, title, name, field_attrs=None):
    return {
        "attributes": {
            "fieldAttrs": s(field_attrs or {}),
            "fieldFormatMap": "{}",
            "fields": "[]",
            "name": name,
            "runtimeFieldMap": "{}",
            "sourceFilters": "[]",
            "timeFieldName": "@timestamp",
            "title": title,
        },
        "coreMigrationVersion": CORE,
        "id": view,
        "managed": False,
        "references": [],
        "type": "index-pattern",
        "typeMigrationVersion": "8.0.0",
    }


def phrase(field, value, index):
    """A pinned-to-the-object filter: field is value, as Kibana's filter bar writes it."""
    return {
        "$state": {"store": "appState"},
        "meta": {
            "alias": None, "disabled": False, "negate": False, "key": field, "type": "phrase",
            "params": {"query": value},
            "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.filter[%d].meta.index" % index,
        },
        "query": {"match_phrase": {field: value}},
    }


def search_source(view, filters, query=""):
    source = {"query": {"query": query, "language": "kuery"}, "filter": filters,
              "indexRefName": INDEX_REF}
    references = [{"id": view, "name": INDEX_REF, "type": "index-pattern"}]
    for i in range(len(filters)):
        references.append({"id": view, "name": "kibanaSavedObjectMeta.searchSourceJSON.filter[%d].meta.index" % i,
                           "type": "index-pattern"})
    return s(source), references


def visualization(vis_id, title, view, vis_type, params, aggs, filters=(), query=""):
    source, references = search_source(view, list(filters), query)
    return {
        "attributes": {
            "description": "",
            "kibanaSavedObjectMeta": {"searchSourceJSON": source},
            "title": title,
            "uiStateJSON": "{}",
            "version": 1,
            "visState": s({"title": title, "type": vis_type, "aggs": aggs, "params": params}),
        },
        "coreMigrationVersion": CORE,
        "id": vis_id,
        "managed": False,
        "references": references,
        "type": "visualization",
        "typeMigrationVersion": "8.5.0",
    }


def saved_search(search_id, title, view, columns, filters=(), query=""):
    source, references = search_source(view, list(filters), query)
    return {
        "attributes": {
            "columns": columns,
            "description": "",
            "hideChart": False,
            "kibanaSavedObjectMeta": {"searchSourceJSON": source},
            "sort": [["@timestamp", "desc"]],
            "title": title,
        },
        "coreMigrationVersion": CORE,
        "id": search_id,
        "managed": False,
        "references": references,
        "type": "search",
        "typeMigrationVersion": "8.0.0",
    }


def count(agg_id="1"):
    return {"id": agg_id, "enabled": True, "type": "count", "params": {"emptyAsNull": False}, "schema": "metric"}


def metric(agg_id, kind, field, label):
    return {"id": agg_id, "enabled": True, "type": kind, "params": {"field": field, "customLabel": label},
            "schema": "metric"}


def over_time(agg_id="2"):
    return {"id": agg_id, "enabled": True, "type": "date_histogram", "schema": "segment",
            "params": {"field": "@timestamp", "useNormalizedEsInterval": True, "scaleMetricValues": False,
                       "interval": "auto", "drop_partials": False, "min_doc_count": 1,
                       "extended_bounds": {}}}


def terms(agg_id, field, schema, size=10, label=None):
    params = {"field": field, "orderBy": "1", "order": "desc", "size": size, "otherBucket": True,
              "otherBucketLabel": "Other", "missingBucket": False, "missingBucketLabel": "Missing"}
    if label:
        params["customLabel"] = label
    return {"id": agg_id, "enabled": True, "type": "terms", "params": params, "schema": schema}


def xy(chart, value_label, mode="stacked", series=(("1", None),)):
    """The vislib parameters Kibana writes for an area/line/histogram chart: one series entry per
    metric aggregation (id, label)."""
    return {
        "type": chart,
        "grid": {"categoryLines": False},
        "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "bottom", "show": True,
                          "style": {}, "scale": {"type": "linear"},
                          "labels": {"show": True, "filter": True, "truncate": 100}, "title": {}}],
        "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value", "position": "left",
                       "show": True, "style": {}, "scale": {"type": "linear", "mode": "normal"},
                       "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100},
                       "title": {"text": value_label}}],
        "seriesParams": [{"show": True, "type": chart, "mode": mode,
                          "data": {"label": label or value_label, "id": agg_id},
                          "valueAxis": "ValueAxis-1", "drawLinesBetweenPoints": True, "lineWidth": 2,
                          "showCircles": True, "interpolate": "linear"} for agg_id, label in series],
        "addTooltip": True,
        "legendPosition": "right",
        "times": [],
        "addTimeMarker": False,
        "truncateLegend": True,
        "maxLegendLines": 1,
        "detailedTooltip": True,
        "palette": {"type": "palette", "name": "default"},
        "isVislibVis": True,
    }


def pie():
    return {"type": "pie", "addTooltip": True, "legendDisplay": "show", "legendPosition": "right",
            "isDonut": True, "nestedLegend": False, "distinctColors": False, "truncateLegend": True,
            "maxLegendLines": 1, "emptySizeRatio": 0.3, "palette": {"type": "palette", "name": "default"},
            "labels": {"show": True, "last_level": True, "values": True, "valuesFormat": "percent",
                       "percentDecimals": 1, "truncate": 100, "position": "default"}}


def table():
    return {"perPage": 10, "showPartialRows": False, "showMetricsAtAllLevels": False, "showTotal": True,
            "totalFunc": "sum", "percentageCol": "", "autoFitRowToContent": False}


EXECUTIONS = view_id("executions")
INTERACTIONS = view_id("interactions")
DEAD_LETTERS = view_id("deadletters")

views = [data_view(ALL, "agentos-events-*", "AgentOS events: all streams")]
for stream in STREAMS:
    attrs = {}
    if stream == "executions":
        attrs = {"durationMs": {"customLabel": "Duration (ms)"}, "outcome": {"customLabel": "Outcome"}}
    if stream == "deadletters":
        attrs = {"stage": {"customLabel": "Failing stage"}}
    views.append(data_view(view_id(stream), "agentos-events-" + stream, "AgentOS events: " + stream, attrs))

panels_objects = [
    visualization("agentos-activity-by-agent", "AgentOS: events over time by agent", ALL, "histogram",
                  xy("histogram", "Events"), [count(), over_time(), terms("3", "agentId", "group", 10, "Agent")]),
    visualization("agentos-events-by-stream", "AgentOS: events by stream and type", ALL, "table", table(),
                  [count(), terms("2", "stream", "bucket", 20, "Stream"),
                   terms("3", "eventType", "bucket", 50, "Event type")]),
    visualization("agentos-executions-by-outcome", "AgentOS: executions by outcome", EXECUTIONS, "pie", pie(),
                  [count(), terms("2", "outcome", "segment", 10, "Outcome")],
                  filters=[phrase("eventType", "ExecutionCompleted", 0)]),
    visualization("agentos-execution-duration", "AgentOS: execution duration", EXECUTIONS, "line",
                  xy("line", "Duration (ms)", mode="normal",
                     series=(("1", "Average duration (ms)"), ("3", "Longest (ms)"))),
                  [metric("1", "avg", "durationMs", "Average duration (ms)"),
                   metric("3", "max", "durationMs", "Longest (ms)"),
                   over_time(), terms("4", "outcome", "group", 5, "Outcome")],
                  filters=[phrase("eventType", "ExecutionCompleted", 0)]),
    visualization("agentos-verification-verdicts", "AgentOS: verification verdicts", EXECUTIONS, "pie", pie(),
                  [count(), terms("2", "verdict", "segment", 5, "Verdict")],
                  filters=[phrase("eventType", "VerificationCompleted", 0)]),
    visualization("agentos-tool-calls-by-status", "AgentOS: tool calls by status", INTERACTIONS, "histogram",
                  xy("histogram", "Tool calls"), [count(), over_time(), terms("3", "status", "group", 5, "Status")],
                  filters=[phrase("eventType", "ToolCallRecorded", 0)]),
    visualization("agentos-dead-letters-by-stage", "AgentOS: dead letters by failing stage", DEAD_LETTERS,
                  "histogram", xy("histogram", "Dead letters"),
                  [count(), over_time(), terms("3", "stage", "group", 10, "Stage")]),
    saved_search("agentos-failed-executions", "AgentOS: failed executions", EXECUTIONS,
                 ["agentId", "executionId", "outcome", "exitCode", "durationMs", "errorMessage"],
                 filters=[phrase("eventType", "ExecutionCompleted", 0)],
                 query='not outcome : "SUCCEEDED"'),
    saved_search("agentos-dead-letters", "AgentOS: dead letters", DEAD_LETTERS,
                 ["sourceTopic", "sourcePartition", "sourceOffset", "stage", "errorClass", "attempts", "reason"]),
]

LAYOUT = [(0, 0, 48, 14), (0, 14, 24, 15), (24, 14, 24, 15), (0, 29, 24, 15), (24, 29, 24, 15),
          (0, 44, 24, 15), (24, 44, 24, 15), (0, 59, 48, 15), (0, 74, 48, 15)]
panels, references = [], []
for number, (obj, (x, y, w, h)) in enumerate(zip(panels_objects, LAYOUT), start=1):
    index = str(number)
    panels.append({"type": obj["type"], "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                   "panelIndex": index, "embeddableConfig": {"enhancements": {}},
                   "panelRefName": "panel_" + index})
    references.append({"id": obj["id"], "name": index + ":panel_" + index, "type": obj["type"]})

dashboard = {
    "attributes": {
        "description": "What AgentOS agents do: events per agent and stream, executions by outcome and "
                       "duration, verification verdicts, tool-call failures and dead letters.",
        "kibanaSavedObjectMeta": {"searchSourceJSON": s({"query": {"query": "", "language": "kuery"}, "filter": []})},
        "optionsJSON": s({"useMargins": True, "syncColors": False, "syncCursor": True, "syncTooltips": False,
                          "hidePanelTitles": False}),
        "panelsJSON": s(panels),
        "refreshInterval": {"pause": False, "value": 60000},
        "timeFrom": "now-24h",
        "timeRestore": True,
        "timeTo": "now",
        "title": "AgentOS agent activity",
        "version": 1,
    },
    "coreMigrationVersion": CORE,
    "id": "agentos-agent-activity",
    "managed": False,
    "references": references,
    "type": "dashboard",
    "typeMigrationVersion": "8.7.0",
}

with open("saved-objects.ndjson", "w") as out:
    for obj in views + panels_objects + [dashboard]:
        out.write(s(obj) + "\n")
