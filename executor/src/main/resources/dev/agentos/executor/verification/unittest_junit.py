"""Runs unittest as `python3 -m unittest ARGS` does, with the same arguments and output, and also
writes each test's result as JUnit XML to the file AGENTOS_TEST_REPORT names.

AgentOS reads a verification's test results from the runner's own report, never from the text
people read; unittest has no report of its own, so this records what unittest's own result object
is told about each test (addSuccess, addFailure, addSkip, ...). Standard library only: it runs in
a sandbox with nothing installed.
"""
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

REPORT = os.environ["AGENTOS_TEST_REPORT"]

# Characters XML 1.0 cannot carry; a test's message may hold any.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def describe(test):
    """(classname, name) of a test, a subtest or a failed class or module setup."""
    case = getattr(test, "test_case", None)
    if case is not None:  # a subtest: its test's method and its parameters
        cls = type(case)
        return cls.__module__ + "." + cls.__qualname__, case._testMethodName + " " + test._subDescription()
    method = getattr(test, "_testMethodName", None)
    if method is None:  # setUpClass or a module that did not import
        return "", str(test)
    cls = type(test)
    return cls.__module__ + "." + cls.__qualname__, method


class RecordingResult(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []

    def record(self, test, outcome, detail=None):
        classname, name = describe(test)
        self.records.append((classname, name, outcome, detail))

    def addSuccess(self, test):
        super().addSuccess(test)
        self.record(test, None)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.record(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self.record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.record(test, "skipped", "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.record(test, "failure", "unexpected success")

    def addSubTest(self, test, subtest, err):
        # A failing subtest fails its test, which then gets no addSuccess: the subtest stands for it.
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.record(subtest, "failure" if failed else "error", self._exc_info_to_string(err, test))


def write(records, path):
    suite = ET.Element("testsuite", name="unittest", tests=str(len(records)))
    for classname, name, outcome, detail in records:
        case = ET.SubElement(suite, "testcase", classname=classname, name=NOT_XML.sub("?", name))
        if outcome is not None:
            text = NOT_XML.sub("?", detail or "")
            element = ET.SubElement(case, outcome, message=(text.strip().splitlines() or [""])[-1])
            element.text = text
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


class ReportingRunner(unittest.TextTestRunner):
    resultclass = RecordingResult

    def run(self, test):
        result = super().run(test)
        write(result.records, REPORT)
        return result


if __name__ == "__main__":
    # As under -m: imports resolve from the current folder, not from this file's.
    sys.path[0] = os.getcwd()
    sys.argv[0] = "python3 -m unittest"
    unittest.main(module=None, testRunner=ReportingRunner)
