# Differential oracle: asks the real SQLAlchemy what each Enum column persists, which PostgreSQL type it
# names and whether given database labels load, so tests can compare the analyser with the ORM itself.
# Usage: sqlalchemy_oracle.py --root DIR [--labels TYPE=a,b ...] [--labels-json JSON] FILE_OR_MODULE ...
"""Prints one JSON document on stdout:

{"sqlalchemyVersion": "2.0.40", "python": "3.11.2",
 "modules": [{"module": "app.models", "file": "app/models.py", "ok": true}],
 "importErrors": [{"module": "app.models_tasks", "file": "...", "errorType": "AttributeError", "message": "value"}],
 "columns": [{"module", "file", "table", "tableSchema", "column", "attribute", "typeClass", "typeName",
              "typeSchema", "native", "enums", "length", "createConstraint", "createType", "isArray",
              "enumClass", "omitAliases", "validateStrings",
              "loads": {"admin": false}, "lookupErrors": {"admin": "'admin' is not among ..."}}]}

TYPE in --labels is the type name ("userrole"), "schema.name" for a schema-qualified type, or "*" for every
enum column. Exit status: 0 when the JSON was printed (import errors are data, not failures), 2 on bad usage.
"""
import argparse
import importlib
import json
import os
import platform
import sys
import traceback

# The oracle must never leave __pycache__ folders in the fixture or example trees it imports.
sys.dont_write_bytecode = True


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Ask real SQLAlchemy about Enum columns.")
    parser.add_argument("--root", required=True, help="folder put first on sys.path (the import root)")
    parser.add_argument("--labels", action="append", default=[], metavar="TYPE=a,b",
                        help="database labels to try loading through the type's result processor")
    parser.add_argument("--labels-json", default=None,
                        help='the same as a JSON object {"TYPE": ["a", "b"]} (labels may hold commas)')
    parser.add_argument("targets", nargs="*", help="module files relative to --root, or dotted module names")
    return parser.parse_args(argv)


def label_requests(args):
    requests = {}
    for item in args.labels:
        key, sep, labels = item.partition("=")
        if not sep or not key:
            raise SystemExit(f"--labels expects TYPE=a,b, got {item!r}")
        requests.setdefault(key, []).extend(label for label in labels.split(",") if label != "")
    if args.labels_json:
        for key, labels in json.loads(args.labels_json).items():
            requests.setdefault(key, []).extend(str(label) for label in labels)
    return requests


def module_name_for(root, target):
    """'app/models.py' -> 'app.models'; a dotted name is returned unchanged."""
    if target.endswith(".py") or os.sep in target or "/" in target:
        relative = os.path.relpath(os.path.abspath(os.path.join(root, target)), root)
        without_suffix = relative[:-3] if relative.endswith(".py") else relative
        parts = without_suffix.replace(os.sep, "/").split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        return ".".join(parts)
    return target


def file_of(root, module):
    path = getattr(module, "__file__", None)
    if not path:
        return None
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def import_targets(root, targets):
    imported, errors = [], []
    for target in targets:
        name = module_name_for(root, target)
        try:
            module = importlib.import_module(name)
            imported.append({"module": name, "file": file_of(root, module), "ok": True})
        except BaseException as error:  # noqa: BLE001 - a fixture may raise anything, even SystemExit
            if isinstance(error, KeyboardInterrupt):
                raise
            message = str(error) if str(error) else repr(error)
            errors.append({
                "module": name,
                "file": target if target.endswith(".py") else None,
                "errorType": type(error).__name__,
                "message": message,
                "where": last_frame_in_root(root, error),
            })
            imported.append({"module": name, "file": target if target.endswith(".py") else None, "ok": False})
    return imported, errors


def last_frame_in_root(root, error):
    """The innermost traceback line that lies in the imported tree: where the user's code failed."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(root + os.sep):
            found = f"{os.path.relpath(path, root)}:{frame.lineno}"
    return found


def modules_under(root):
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and os.path.abspath(path).startswith(root + os.sep):
            yield name, module


def collect_metadata(root):
    """Every MetaData reachable from the imported tree, with where each Table and mapped class lives."""
    from sqlalchemy import MetaData, Table
    from sqlalchemy.orm import registry as Registry

    metadatas, registries = [], []
    table_module = {}  # id(table) -> module name that holds the Table (or its MetaData)

    def add(collection, item):
        if all(existing is not item for existing in collection):
            collection.append(item)

    for name, module in modules_under(root):
        for value in list(vars(module).values()):
            if isinstance(value, MetaData):
                add(metadatas, value)
                for table in value.tables.values():
                    table_module.setdefault(id(table), name)
            elif isinstance(value, Table):
                add(metadatas, value.metadata)
                table_module[id(value)] = name  # the module that assigns the Table wins
            elif isinstance(value, Registry):
                add(registries, value)
            elif isinstance(value, type):
                reg = getattr(value, "registry", None)
                if isinstance(reg, Registry):
                    add(registries, reg)
                meta = getattr(value, "metadata", None)
                if isinstance(meta, MetaData):
                    add(metadatas, meta)
    for reg in registries:
        add(metadatas, reg.metadata)
        for mapper in reg.mappers:
            table = mapper.local_table
            if isinstance(table, Table):
                add(metadatas, table.metadata)
    return metadatas, registries, table_module


def mapper_properties(mapper):
    # column_attrs configures every registry; one broken relationship elsewhere must not hide the columns.
    try:
        return list(mapper.column_attrs)
    except Exception:  # noqa: BLE001
        return [prop for prop in mapper._props.values() if hasattr(prop, "columns")]


def orm_attributes(registries):
    """(id(table), column name) -> ("Class.attr", class module) for every mapped column."""
    attributes = {}
    for reg in registries:
        for mapper in reg.mappers:
            inherited_columns = set()
            if mapper.inherits is not None:
                inherited_columns = {id(c) for c in mapper.inherits.persist_selectable.columns}
            for prop in mapper_properties(mapper):
                for column in prop.columns:
                    table = getattr(column, "table", None)
                    if table is None or id(column) in inherited_columns:
                        continue
                    key = (id(table), column.name)
                    if key not in attributes:
                        attributes[key] = (f"{mapper.class_.__name__}.{prop.key}", mapper.class_.__module__)
    return attributes


def enum_type_of(column_type):
    from sqlalchemy import ARRAY, Enum

    if isinstance(column_type, Enum):
        return column_type, False
    if isinstance(column_type, ARRAY) and isinstance(column_type.item_type, Enum):
        return column_type.item_type, True
    return None, False


def try_loading(enum_type, labels):
    """Feed each stored label through the result processor, as a SELECT would: LookupError = cannot load."""
    from sqlalchemy.dialects.postgresql import psycopg2 as pg_psycopg2

    processor = enum_type.result_processor(pg_psycopg2.dialect(), None)
    loads, errors = {}, {}
    for label in labels:
        try:
            if processor is not None:
                processor(label)
            loads[label] = True
        except LookupError as error:
            loads[label] = False
            errors[label] = str(error)
    return loads, errors


def describe_columns(root, requests):
    metadatas, registries, table_module = collect_metadata(root)
    attributes = orm_attributes(registries)
    modules_by_name = dict(modules_under(root))
    columns = []
    for metadata in metadatas:
        for table in metadata.tables.values():
            for column in table.columns:
                enum_type, is_array = enum_type_of(column.type)
                if enum_type is None:
                    continue
                mapped = attributes.get((id(table), column.name))
                attribute, module = mapped if mapped else (f"{table.name}.{column.name}", table_module.get(id(table)))
                module_object = modules_by_name.get(module) if module else None
                enum_class = getattr(enum_type, "enum_class", None)
                entry = {
                    "module": module,
                    "file": file_of(root, module_object) if module_object is not None else None,
                    "table": table.name,
                    "tableSchema": table.schema,
                    "column": column.name,
                    "attribute": attribute,
                    "typeClass": f"{type(enum_type).__module__}.{type(enum_type).__name__}",
                    "typeName": enum_type.name,
                    "typeSchema": enum_type.schema,
                    "native": bool(enum_type.native_enum),
                    "enums": list(enum_type.enums),
                    "length": getattr(enum_type, "length", None),
                    "createConstraint": bool(enum_type.create_constraint),
                    "createType": bool(getattr(enum_type, "create_type", True)),
                    "isArray": is_array,
                    "enumClass": enum_class.__name__ if enum_class is not None else None,
                    "omitAliases": bool(getattr(enum_type, "_omit_aliases", True)),
                    "validateStrings": bool(getattr(enum_type, "validate_strings", False)),
                }
                qualified = f"{enum_type.schema}.{enum_type.name}" if enum_type.schema else enum_type.name
                labels = requests.get(qualified, []) + requests.get(enum_type.name or "", []) + requests.get("*", [])
                if labels:
                    entry["loads"], entry["lookupErrors"] = try_loading(enum_type, list(dict.fromkeys(labels)))
                columns.append(entry)
    columns.sort(key=lambda c: (c["file"] or "", c["attribute"]))
    return columns


def main(argv):
    args = parse_args(argv)
    root = os.path.abspath(args.root)
    if not os.path.isdir(root):
        print(f"--root {args.root}: not a folder", file=sys.stderr)
        return 2
    sys.path.insert(0, root)
    import sqlalchemy

    modules, errors = import_targets(root, args.targets)
    result = {
        "sqlalchemyVersion": sqlalchemy.__version__,
        "python": platform.python_version(),
        "modules": modules,
        "importErrors": errors,
        "columns": describe_columns(root, label_requests(args)),
    }
    json.dump(result, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
