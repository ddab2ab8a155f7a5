// Helpers called from the grammar actions: expression contexts, argument lists, decorators, names.
// Counterpart: Parser/action_helpers.c. See docs/parser.md.
import * as A from "../ast/nodes.js";

/** _PyPegen_set_expr_context: a copy of `e` (recursively for Tuple/List/Starred) with context `ctx`. */
export function setExprContext(e: A.expr, ctx: A.expr_context): A.expr {
  switch (e.kind) {
    case "Name":
      return A.Name(e.id, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case "Tuple":
      return A.Tuple(e.elts.map((x) => setExprContext(x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case "List":
      return A.List(e.elts.map((x) => setExprContext(x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case "Subscript":
      return A.Subscript(e.value, e.slice, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case "Attribute":
      return A.Attribute(e.value, e.attr, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case "Starred":
      return A.Starred(setExprContext(e.value, ctx), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    default:
      return e;
  }
}

export interface NameDefaultPair {
  readonly arg: A.arg;
  readonly value: A.expr | null;
}
export interface SlashWithDefault {
  readonly plainNames: readonly A.arg[];
  readonly namesWithDefaults: readonly NameDefaultPair[];
}
export interface StarEtc {
  readonly vararg: A.arg | null;
  readonly kwonlyargs: readonly NameDefaultPair[];
  readonly kwarg: A.arg | null;
}

/** _PyPegen_make_arguments. */
export function makeArguments(
  slashWithoutDefault: readonly A.arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: readonly A.arg[] | null,
  namesWithDefault: readonly NameDefaultPair[] | null,
  starEtc: StarEtc | null,
): A.arguments {
  let posonlyargs: A.arg[];
  if (slashWithoutDefault !== null) posonlyargs = [...slashWithoutDefault];
  else if (slashWithDefault !== null) posonlyargs = [...slashWithDefault.plainNames, ...slashWithDefault.namesWithDefaults.map((p) => p.arg)];
  else posonlyargs = [];
  const posargs: A.arg[] = [];
  if (plainNames !== null) posargs.push(...plainNames);
  if (namesWithDefault !== null) posargs.push(...namesWithDefault.map((p) => p.arg));
  const posdefaults: A.expr[] = [];
  if (slashWithDefault !== null) for (const p of slashWithDefault.namesWithDefaults) posdefaults.push(p.value!);
  if (namesWithDefault !== null) for (const p of namesWithDefault) posdefaults.push(p.value!);
  const vararg = starEtc?.vararg ?? null;
  const kwonlyargs = starEtc ? starEtc.kwonlyargs.map((p) => p.arg) : [];
  const kwdefaults = starEtc ? starEtc.kwonlyargs.map((p) => p.value) : [];
  const kwarg = starEtc?.kwarg ?? null;
  return A.arguments_(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg, posdefaults);
}

/** _PyPegen_empty_arguments. */
export function emptyArguments(): A.arguments {
  return A.arguments_([], [], null, [], [], null, []);
}

/** _PyPegen_function_def_decorators / _PyPegen_class_def_decorators: the node keeps the def's own location. */
export function withDecorators(decorators: readonly A.expr[], s: A.stmt): A.stmt {
  switch (s.kind) {
    case "FunctionDef":
      return A.FunctionDef(s.name, s.args, s.body, decorators, s.returns, s.type_comment, s.type_params, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    case "AsyncFunctionDef":
      return A.AsyncFunctionDef(s.name, s.args, s.body, decorators, s.returns, s.type_comment, s.type_params, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    case "ClassDef":
      return A.ClassDef(s.name, s.bases, s.keywords, s.body, decorators, s.type_params, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    default:
      return s;
  }
}

/** _PyPegen_new_identifier: PEP 3131 NFKC normalization of non-ASCII identifiers. */
export function newIdentifier(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) return s.normalize("NFKC");
  }
  return s;
}

/** _PyPegen_get_expr_name: the description used in "cannot assign to %s" messages. */
export function getExprName(e: A.expr): string {
  switch (e.kind) {
    case "Attribute": return "attribute";
    case "Subscript": return "subscript";
    case "Starred": return "starred";
    case "Name": return "name";
    case "List": return "list";
    case "Tuple": return "tuple";
    case "Lambda": return "lambda";
    case "Call": return "function call";
    case "BoolOp": case "BinOp": case "UnaryOp": return "expression";
    case "GeneratorExp": return "generator expression";
    case "Yield": case "YieldFrom": return "yield expression";
    case "Await": return "await expression";
    case "ListComp": return "list comprehension";
    case "SetComp": return "set comprehension";
    case "DictComp": return "dict comprehension";
    case "Dict": return "dict literal";
    case "Set": return "set display";
    case "JoinedStr": case "FormattedValue": return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === false) return "False";
      if (v === true) return "True";
      if (typeof v === "object" && "kind" in v && v.kind === "Ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare": return "comparison";
    case "IfExp": return "conditional expression";
    case "NamedExpr": return "named expression";
    case "Slice": return "slice";
    default: {
      const never: never = e;
      void never;
      return "";
    }
  }
}
