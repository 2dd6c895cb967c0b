"""Checks the JSON Schemas in data/schema/ against the data they describe.

    /usr/bin/python3 tests/e2e/schemas.py [RPX_BINARY]

with RPX_SOURCE_DIR set to the source root (ctest sets it; without it, the
root is the tree this script is in). The binary's path is accepted because
ctest passes it to every e2e script; this one does not need it.

For each schema: it must be a valid draft 2020-12 schema, every data file it
describes must validate, and documents broken on purpose must be refused, so
a schema that has become too lax fails here:

- data/schema/rules.schema.json     data/rules/*.json     (required)
- data/schema/holidays.schema.json  data/holidays/*.json  (required)
- data/schema/state.schema.json     data/demo/*.json      (when it exists)

The broken documents are made from the first valid file of each kind, so
they stay in step with the real format. Exit 0 when all is well; otherwise 1, with
one line on stderr per problem.
"""

import copy
import os
import re
import sys

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import SOURCE, fail, finish, load_json

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

counts = {"files": 0, "bad": 0}


def rel(path):
    return path.relative_to(SOURCE) if path.is_relative_to(SOURCE) else path


def load(path):
    """The JSON in `path` (a UTF-8 BOM is allowed, as rpx allows it; a member
    twice is not), or None after reporting why."""
    try:
        return load_json(path, bom=True)
    except (OSError, ValueError) as e:
        fail(f"{rel(path)}: {e}")
        return None


def pointer(path):
    """The JSON Pointer (RFC 6901) of a jsonschema error path."""
    tokens = (str(t).replace("~", "~0").replace("/", "~1") for t in path)
    return "".join("/" + t for t in tokens) or "(root)"


def validator(name, required):
    path = SOURCE / "data" / "schema" / name
    if not path.exists():
        if required:
            fail(f"{rel(path)}: missing")
        return None
    schema = load(path)
    if schema is None:
        return None
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        fail(f"{rel(path)}: not a valid draft 2020-12 schema: "
             f"{e.message}")
        return None
    return jsonschema.Draft202012Validator(schema)


def check_good(v, files):
    """Validates every file; returns the documents that are valid."""
    docs = []
    for path in files:
        doc = load(path)
        if doc is None:
            continue
        errors = sorted(v.iter_errors(doc), key=lambda e: pointer(e.absolute_path))
        for e in errors[:10]:
            fail(f"{rel(path)}: {pointer(e.absolute_path)}: {e.message}")
        if not errors:
            docs.append(doc)
        counts["files"] += 1
    return docs


def check_bad(v, schema_name, base, mutations):
    """Each mutation of a copy of `base` must make it invalid."""
    for what, mutate in mutations:
        doc = copy.deepcopy(base)
        try:
            doc = mutate(doc)
        except (KeyError, IndexError, TypeError) as e:
            fail(f"{schema_name}: cannot build the bad document ({what}): "
                 f"{e!r}")
            continue
        if v.is_valid(doc):
            fail(f"{schema_name}: accepts a bad document: {what}")
        counts["bad"] += 1


# A mutation takes a copy of a good document and returns the bad one.


def set_at(path, value):
    """Sets the member at `path` (keys and indices)."""

    def mutate(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return doc

    return mutate


def delete_at(path):
    def mutate(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        return doc

    return mutate


def first_date_path(node, path=()):
    """The path of the first string that looks like YYYY-MM-DD, or None."""
    if isinstance(node, str):
        return path if DATE.match(node) else None
    if not isinstance(node, (dict, list)):
        return None
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in items:
        found = first_date_path(child, path + (key,))
        if found is not None:
            return found
    return None


def data_files(directory):
    return sorted((SOURCE / "data" / directory).glob("*.json"))


def rules_mutations():
    def swap_steps(doc):
        steps = doc["steps"]
        steps[1], steps[2] = steps[2], steps[1]
        return doc

    def sixth_step(doc):
        doc["steps"].append(copy.deepcopy(doc["steps"][4]))
        return doc

    return [
        ("root is an array", lambda d: []),
        ("another format", set_at(["format"], "rpx-rules/2")),
        ("an unknown member", set_at(["extra"], True)),
        ("no id", delete_at(["id"])),
        ("an empty id", set_at(["id"], "")),
        ("an empty time zone", set_at(["time_zone"], "")),
        ("advance_days 0", set_at(["advance_days"], 0)),
        ("advance_days 366", set_at(["advance_days"], 366)),
        ("advance_days as a string", set_at(["advance_days"], "30")),
        ("processing_workdays 0", set_at(["processing_workdays"], 0)),
        ("text without English", set_at(["university"], {"zh": "重庆邮电大学"})),
        ("an empty text", set_at(["city", "en"], "")),
        ("language key zh_CN", set_at(["city", "zh_CN"], "重庆")),
        ("language key with a newline", set_at(["city", "zh\n"], "重庆")),
        ("text as a plain string", set_at(["city"], "Chongqing")),
        ("no offices", set_at(["offices"], [])),
        ("an unknown office member", set_at(["offices", 0, "fax"], "023")),
        ("an office without a name", delete_at(["offices", 0, "name"])),
        ("an empty phone", set_at(["offices", 0, "phone"], "")),
        ("a null address", set_at(["offices", 0, "address"], None)),
        ("four steps", delete_at(["steps", 4])),
        ("six steps", sixth_step),
        ("steps out of order", swap_steps),
        ("an unknown step id", set_at(["steps", 0, "id"], "register")),
        ("a step without an office", delete_at(["steps", 0, "office"])),
        ("an unknown step member", set_at(["steps", 0, "deadline"], 30)),
        ("bring as text", set_at(["steps", 3, "bring"], {"en": "passport"})),
        ("a negative fee", set_at(["fees", 0, "amount"], -1)),
        ("a fee over 100000", set_at(["fees", 0, "amount"], 100001)),
        ("a lower-case currency", set_at(["fees", 0, "currency"], "cny")),
        ("currency with a newline", set_at(["fees", 0, "currency"], "CNY\n")),
        ("a fee without payment", delete_at(["fees", 0, "payment"])),
        ("an unknown fee member", set_at(["fees", 0, "cash"], False)),
    ]


def holidays_mutations():
    holiday = ["years", 0, "holidays", 0]
    return [
        ("root is an array", lambda d: []),
        ("another format", set_at(["format"], "rpx-holidays/2")),
        ("an unknown member", set_at(["extra"], True)),
        ("no notice-years", set_at(["years"], [])),
        ("year 1969", set_at(["years", 0, "year"], 1969)),
        ("an empty notice", set_at(["years", 0, "notice"], "")),
        ("a date without leading zeros", set_at(holiday + ["off", "from"], "2024-1-1")),
        ("month 13", set_at(holiday + ["off", "from"], "2024-13-01")),
        ("a date with a newline", set_at(holiday + ["off", "to"], "2024-01-01\n")),
        ("a date as a number", set_at(holiday + ["off", "to"], 20240101)),
        ("a name without English", set_at(holiday + ["name"], {"zh": "元旦"})),
        ("language key zh_CN", set_at(holiday + ["name", "zh_CN"], "元旦")),
        ("language key with a newline", set_at(holiday + ["name", "zh\n"], "元旦")),
        ("an unknown holiday member", set_at(holiday + ["days"], 3)),
        ("no work list", delete_at(holiday + ["work"])),
    ]


def state_mutations(base):
    # The state format keeps unknown members, so only shapes every version
    # must refuse are tried here.
    mutations = [("root is an array", lambda d: []), ("an empty object", lambda d: {})]
    date_path = first_date_path(base)
    if date_path is not None:
        at = list(date_path)
        good = base
        for key in at:
            good = good[key]
        mutations += [
            (f"{pointer(at)} as 2027-2-3", set_at(at, "2027-2-3")),
            (f"{pointer(at)} with a newline", set_at(at, good + "\n")),
        ]
    return mutations


def check_schema(schema_name, directory, mutations, required):
    v = validator(schema_name, required)
    if v is None:
        return
    files = data_files(directory)
    if not files:
        if required:
            fail(f"data/{directory}: no *.json files to validate")
        else:
            print(f"schemas.py: note: no data/{directory}/*.json to validate",
                  file=sys.stderr)
        return
    docs = check_good(v, files)
    if docs:
        ms = mutations(docs[0]) if callable(mutations) else mutations
        check_bad(v, schema_name, docs[0], ms)


if not (SOURCE / "data").is_dir():
    fail(f"no data/ under {SOURCE} (set RPX_SOURCE_DIR)")
    finish("")
check_schema("rules.schema.json", "rules", rules_mutations(), required=True)
check_schema("holidays.schema.json", "holidays", holidays_mutations(),
             required=True)
check_schema("state.schema.json", "demo", state_mutations, required=False)
finish(f"schemas.py: {counts['files']} data files validated, "
       f"{counts['bad']} bad documents tried, no problems")
