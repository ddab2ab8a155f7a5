// The code validator that _sre.compile runs before a pattern may execute: every skip stays inside its block, every
// set is well formed, groups and AT/CATEGORY codes are in range. Counterpart: _validate_charset, _validate_inner,
// _validate_outer and _validate in Modules/_sre/sre.c (3.13). See docs/sre.md.
import {
  SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT, SRE_OP_ASSERT_NOT, SRE_OP_AT,
  SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET, SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS,
  SRE_OP_IN, SRE_OP_INFO, SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
  SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE, SRE_OP_MIN_REPEAT_ONE,
  SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT, SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE,
  SRE_OP_IN_IGNORE, SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
  SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE, SRE_OP_GROUPREF_UNI_IGNORE,
  SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE, SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
  SRE_AT_UNI_NON_BOUNDARY, SRE_CATEGORY_UNI_NOT_LINEBREAK, SRE_INFO_PREFIX, SRE_INFO_LITERAL, SRE_INFO_CHARSET,
  SRE_MAXREPEAT, SRE_MAXGROUPS,
} from "./sre_constants.js";

/*
 * The generated code is position-independent: all jumps are relative and forward, and they never cross (the target
 * of a later jump is never beyond the target of an earlier one). Positions below are indices into `code`; `end` is
 * exclusive. Each function returns 0 for valid, -1 for invalid, and _validate_inner 1 when the block ends with a
 * JUMP (what GROUPREF_EXISTS looks for to find an 'else' part).
 */

class Invalid {}
const FAIL = new Invalid();

function _validate_charset(code: Uint32Array, pos: number, end: number): number {
  try {
    while (pos < end) {
      const op = get(code, pos++, end);
      switch (op) {
        case SRE_OP_NEGATE:
          break;
        case SRE_OP_LITERAL:
          get(code, pos++, end);
          break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
          get(code, pos++, end);
          get(code, pos++, end);
          break;
        case SRE_OP_CHARSET:
          if (8 > end - pos) return -1; /* 256-bit bitmap */
          pos += 8;
          break;
        case SRE_OP_BIGCHARSET: {
          const arg = get(code, pos++, end); /* number of blocks */
          if (64 > end - pos) return -1; /* 256-byte table */
          /* each byte must name a valid block */
          for (let i = 0; i < 256; i++) {
            if (((code[pos + (i >>> 2)]! >>> ((i & 3) * 8)) & 0xff) >= arg) return -1;
          }
          pos += 64;
          if (arg * 8 > end - pos) return -1; /* 256-bit bitmap times arg */
          pos += arg * 8;
          break;
        }
        case SRE_OP_CATEGORY: {
          const arg = get(code, pos++, end);
          if (arg > SRE_CATEGORY_UNI_NOT_LINEBREAK) return -1;
          break;
        }
        default:
          return -1;
      }
    }
  } catch (e) {
    if (e === FAIL) return -1;
    throw e;
  }
  return 0;
}

/** GET_OP / GET_ARG: the word at pos, failing at the end of the block. */
function get(code: Uint32Array, pos: number, end: number): number {
  if (pos >= end) throw FAIL;
  return code[pos]!;
}

/** GET_SKIP_ADJ: the skip at pos, failing if it leads (adj words) past the end of the block. */
function getSkip(code: Uint32Array, pos: number, end: number, adj: number): number {
  if (pos >= end) throw FAIL;
  const skip = code[pos]!;
  if (((skip - adj) >>> 0) > end - pos) throw FAIL; /* unsigned, as in C: a zero skip with adj 1 fails */
  return skip;
}

function _validate_inner(code: Uint32Array, pos: number, end: number, groups: number): number {
  if (pos > end) return -1;
  while (pos < end) {
    const op = get(code, pos++, end);
    switch (op) {
      case SRE_OP_MARK: {
        /* marks are not checked for proper nesting: the matcher is robust to that */
        const arg = get(code, pos++, end);
        if (arg > 2 * groups + 1) return -1;
        break;
      }
      case SRE_OP_LITERAL:
      case SRE_OP_NOT_LITERAL:
      case SRE_OP_LITERAL_IGNORE:
      case SRE_OP_NOT_LITERAL_IGNORE:
      case SRE_OP_LITERAL_UNI_IGNORE:
      case SRE_OP_NOT_LITERAL_UNI_IGNORE:
      case SRE_OP_LITERAL_LOC_IGNORE:
      case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        get(code, pos++, end); /* a character, nothing to check */
        break;
      case SRE_OP_SUCCESS:
      case SRE_OP_FAILURE:
        break;
      case SRE_OP_AT: {
        const arg = get(code, pos++, end);
        if (arg > SRE_AT_UNI_NON_BOUNDARY) return -1;
        break;
      }
      case SRE_OP_ANY:
      case SRE_OP_ANY_ALL:
        break;
      case SRE_OP_IN:
      case SRE_OP_IN_IGNORE:
      case SRE_OP_IN_UNI_IGNORE:
      case SRE_OP_IN_LOC_IGNORE: {
        const skip = getSkip(code, pos, end, 0);
        pos++;
        /* stop 1 before the end; we check the FAILURE below */
        if (skip < 2) return -1;
        if (_validate_charset(code, pos, pos + skip - 2)) return -1;
        if (code[pos + skip - 2] !== SRE_OP_FAILURE) return -1;
        pos += skip - 1;
        break;
      }
      case SRE_OP_INFO: {
        /* <INFO> <1=skip> <2=flags> <3=min> <4=max>, then a prefix or a charset if the flags say so */
        const skip = getSkip(code, pos, end, 0);
        pos++;
        const newcode = pos + skip - 1;
        const flags = get(code, pos++, end);
        get(code, pos++, end);
        get(code, pos++, end);
        if ((flags & ~(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET)) !== 0) return -1;
        if ((flags & SRE_INFO_PREFIX) && (flags & SRE_INFO_CHARSET)) return -1;
        if ((flags & SRE_INFO_LITERAL) && !(flags & SRE_INFO_PREFIX)) return -1;
        if (flags & SRE_INFO_PREFIX) {
          const prefix_len = get(code, pos++, end);
          get(code, pos++, end);
          /* the prefix string, then the overlap table */
          if (prefix_len > newcode - pos) return -1;
          pos += prefix_len;
          if (prefix_len > newcode - pos) return -1;
          for (let i = 0; i < prefix_len; i++) {
            if (code[pos + i]! >= prefix_len) return -1;
          }
          pos += prefix_len;
        }
        if (flags & SRE_INFO_CHARSET) {
          if (_validate_charset(code, pos, newcode - 1)) return -1;
          if (code[newcode - 1] !== SRE_OP_FAILURE) return -1;
          pos = newcode;
        } else if (pos !== newcode) {
          return -1;
        }
        break;
      }
      case SRE_OP_BRANCH: {
        let target = -1;
        for (;;) {
          const skip = getSkip(code, pos, end, 0);
          pos++;
          if (skip === 0) break;
          /* stop 2 before the end; we check the JUMP below */
          if (skip < 3) return -1;
          if (_validate_inner(code, pos, pos + skip - 3, groups)) return -1;
          pos += skip - 3;
          /* it must end with a JUMP, and every JUMP must have the same target */
          if (get(code, pos++, end) !== SRE_OP_JUMP) return -1;
          const jskip = getSkip(code, pos, end, 0);
          pos++;
          if (target === -1) target = pos + jskip - 1;
          else if (pos + jskip - 1 !== target) return -1;
        }
        if (pos !== target) return -1;
        break;
      }
      case SRE_OP_REPEAT_ONE:
      case SRE_OP_MIN_REPEAT_ONE:
      case SRE_OP_POSSESSIVE_REPEAT_ONE: {
        const skip = getSkip(code, pos, end, 0);
        pos++;
        const min = get(code, pos++, end);
        const max = get(code, pos++, end);
        if (min > max) return -1;
        if (max > SRE_MAXREPEAT) return -1;
        if (skip < 4) return -1;
        if (_validate_inner(code, pos, pos + skip - 4, groups)) return -1;
        pos += skip - 4;
        if (get(code, pos++, end) !== SRE_OP_SUCCESS) return -1;
        break;
      }
      case SRE_OP_REPEAT:
      case SRE_OP_POSSESSIVE_REPEAT: {
        const skip = getSkip(code, pos, end, 0);
        pos++;
        const min = get(code, pos++, end);
        const max = get(code, pos++, end);
        if (min > max) return -1;
        if (max > SRE_MAXREPEAT) return -1;
        if (skip < 3) return -1;
        if (_validate_inner(code, pos, pos + skip - 3, groups)) return -1;
        pos += skip - 3;
        const op2 = get(code, pos++, end);
        if (op === SRE_OP_POSSESSIVE_REPEAT) {
          if (op2 !== SRE_OP_SUCCESS) return -1;
        } else if (op2 !== SRE_OP_MAX_UNTIL && op2 !== SRE_OP_MIN_UNTIL) {
          return -1;
        }
        break;
      }
      case SRE_OP_ATOMIC_GROUP: {
        const skip = getSkip(code, pos, end, 0);
        pos++;
        if (skip < 2) return -1;
        if (_validate_inner(code, pos, pos + skip - 2, groups)) return -1;
        pos += skip - 2;
        if (get(code, pos++, end) !== SRE_OP_SUCCESS) return -1;
        break;
      }
      case SRE_OP_GROUPREF:
      case SRE_OP_GROUPREF_IGNORE:
      case SRE_OP_GROUPREF_UNI_IGNORE:
      case SRE_OP_GROUPREF_LOC_IGNORE: {
        const arg = get(code, pos++, end);
        if (arg >= groups) return -1;
        break;
      }
      case SRE_OP_GROUPREF_EXISTS: {
        /* '(?(group)then|else)': <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <skipno> else]. The skip counts
           from the group word; an 'else' part is recognised by the JUMP that ends the 'then' part. */
        const arg = get(code, pos++, end);
        if (arg >= groups) return -1;
        let skip = getSkip(code, pos, end, 1);
        pos++;
        pos--; /* the skip is relative to the first arg */
        let rc = _validate_inner(code, pos + 1, pos + skip - 1, groups);
        if (rc === 1) {
          pos += skip - 2; /* position after JUMP, at <skipno> */
          skip = getSkip(code, pos, end, 0);
          pos++;
          rc = _validate_inner(code, pos, pos + skip - 1, groups);
        }
        if (rc) return -1;
        pos += skip - 1;
        break;
      }
      case SRE_OP_ASSERT:
      case SRE_OP_ASSERT_NOT: {
        const skip = getSkip(code, pos, end, 0);
        pos++;
        get(code, pos++, end); /* 0 for lookahead, width for lookbehind */
        pos--; /* back up over arg to simplify math below */
        /* stop 1 before the end; we check the SUCCESS below */
        if (skip < 2) return -1;
        if (_validate_inner(code, pos + 1, pos + skip - 2, groups)) return -1;
        pos += skip - 2;
        if (get(code, pos++, end) !== SRE_OP_SUCCESS) return -1;
        break;
      }
      case SRE_OP_JUMP:
        if (pos + 1 !== end) return -1;
        return 1;
      default:
        return -1;
    }
  }
  return 0;
}

function _validate_outer(code: Uint32Array, groups: number): number {
  const end = code.length;
  if (groups < 0 || groups > SRE_MAXGROUPS || end <= 0 || code[end - 1] !== SRE_OP_SUCCESS) return -1;
  return _validate_inner(code, 0, end - 1, groups);
}

/** _validate: true if the code may run (otherwise _sre.compile raises RuntimeError('invalid SRE code')). */
export function _validate(code: Uint32Array, groups: number): boolean {
  try {
    return _validate_outer(code, groups) === 0;
  } catch (e) {
    if (e === FAIL) return false;
    // DEVIATION: a hand-built code list nested deeper than the JS stack allows is rejected as invalid, where
    // CPython's recursive C validator would go on (or crash); code from re._compiler never nests that deep.
    if (e instanceof RangeError) return false;
    throw e;
  }
}
