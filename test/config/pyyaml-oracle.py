# PyYAML oracle for test/config/pyyaml-differential.test.ts: reads JSON lines {"id", "b64"} on
# stdin, loads each document as LiteLLM does (bytes decoded as UTF-8 by a text-mode open(), so
# universal newlines turn CR and CRLF into LF, then yaml.safe_load), and writes one JSON line per
# document: {"id", "value"} in a canonical typed form, or {"id", "error", "lines", "problem"}
# ("problem": [line, column] of PyYAML's problem mark, from 1, when the error has one).
import base64, datetime, io, json, sys

import yaml


class Recursive(Exception):
    pass


def canon(v, active):
    if v is None:
        return ["null"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        if v != v:
            return ["float", "nan"]
        if v in (float("inf"), float("-inf")):
            return ["float", "inf" if v > 0 else "-inf"]
        return ["float", v]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, bytes):
        return ["binary", v.hex()]
    if isinstance(v, datetime.datetime):
        return ["datetime", v.isoformat()]
    if isinstance(v, datetime.date):
        return ["date", v.isoformat()]
    if id(v) in active:
        raise Recursive()
    active.add(id(v))
    try:
        if isinstance(v, list):
            return ["seq", [canon(x, active) for x in v]]
        if isinstance(v, tuple):
            return ["tuple", [canon(x, active) for x in v]]
        if isinstance(v, dict):
            return ["map", [[canon(k, active), canon(x, active)] for k, x in v.items()]]
        if isinstance(v, set):
            return ["set", [canon(x, active) for x in v]]
        raise TypeError("unexpected type " + type(v).__name__)
    finally:
        active.discard(id(v))


for line in sys.stdin:
    item = json.loads(line)
    out = {"id": item["id"]}
    try:
        text = base64.b64decode(item["b64"]).decode("utf-8")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        out["value"] = canon(yaml.safe_load(io.StringIO(text)), set())
    except Recursive:
        out["recursive"] = True
    except UnicodeDecodeError:
        out["error"] = "UnicodeDecodeError"
    except Exception as e:  # LiteLLM fails to start on any exception here
        out["error"] = type(e).__name__ + ": " + str(e).split("\n")[0][:200]
        # PyYAML names up to two places (context "while scanning...", then the problem); the
        # test accepts either line.
        marks = [getattr(e, "problem_mark", None), getattr(e, "context_mark", None)]
        out["lines"] = [m.line + 1 for m in marks if m is not None]
        if marks[0] is not None:
            out["problem"] = [marks[0].line + 1, marks[0].column + 1]
        if isinstance(e, yaml.reader.ReaderError):
            out["lines"] = [text[: e.position].count("\n") + 1]
    sys.stdout.write(json.dumps(out) + "\n")
