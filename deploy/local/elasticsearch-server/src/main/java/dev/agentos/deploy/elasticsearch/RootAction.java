package dev.agentos.deploy.elasticsearch;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

import java.util.List;
import java.util.function.Supplier;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/** The body of a distribution's {@code GET /}: node, cluster and version, as clients parse it. */
final class RootAction extends BaseRestHandler {

  private final Supplier<ClusterService> clusterService;

  RootAction(Supplier<ClusterService> clusterService) {
    this.clusterService = clusterService;
  }

  @Override
  public String getName() {
    return "agentos_root_action";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
  }

  @Override
  protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
    ClusterState state = clusterService.get().state();
    return channel -> {
      Build build = Build.current();
      XContentBuilder body = channel.newBuilder();
      body.startObject();
      body.field("name", clusterService.get().getNodeName());
      body.field("cluster_name", state.getClusterName().value());
      body.field("cluster_uuid", state.metadata().clusterUUID());
      body.startObject("version")
          .field("number", build.qualifiedVersion())
          .field("build_flavor", build.flavor())
          .field("build_type", build.type().displayName())
          .field("build_hash", build.hash())
          .field("build_date", build.date())
          .field("build_snapshot", build.isSnapshot())
          .field("lucene_version", IndexVersion.current().luceneVersion().toString())
          .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
          .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
          .endObject();
      body.field("tagline", "You Know, for Search");
      body.endObject();
      channel.sendResponse(new RestResponse(RestStatus.OK, body));
    };
  }
}
