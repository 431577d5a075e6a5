// A strict parser for the YAML subset infra/ is written in — no YAML library is installed, and no
// container engine or kubectl exists here to read the files. Block mappings and sequences by
// indentation, `---` between documents, comments, plain / single- / double-quoted scalars,
// numbers, booleans, null, and one-line flow sequences and mappings. Anything else (anchors,
// aliases, tags, block scalars, multi-line flow, tabs) is refused with its line number, so a file
// that parses here is plain YAML any parser reads the same way.
export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  no: number;
}

class YamlError extends Error {
  constructor(no: number, message: string) {
    super(`line ${no}: ${message}`);
  }
}

/** Removes a comment: `#` at the start or after a space, outside quotes. */
function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:-]/.test(raw[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function splitFlow(body: string, no: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      current += c;
      if (c === '\\' && quote === '"') current += body[++i] ?? '';
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (quote || depth !== 0) throw new YamlError(no, 'unbalanced flow collection');
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export function scalar(text: string, no: number): Yaml {
  const t = text.trim();
  if (t === '' || t === '~' || t === 'null') return null;
  if (/^[&*!|>%@`]/.test(t)) throw new YamlError(no, `unsupported YAML (anchor, alias, tag, block scalar or reserved indicator): ${t}`);
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new YamlError(no, 'flow sequences must close on their line');
    return splitFlow(t.slice(1, -1), no).map((p) => scalar(p, no));
  }
  if (t.startsWith('{')) {
    if (!t.endsWith('}')) throw new YamlError(no, 'flow mappings must close on their line');
    const out: Record<string, Yaml> = {};
    for (const p of splitFlow(t.slice(1, -1), no)) {
      const m = p.match(/^("[^"]*"|'[^']*'|[^:]+):\s+(.*)$/);
      if (!m) throw new YamlError(no, `not a key: value pair: ${p}`);
      out[String(scalar(m[1]!, no))] = scalar(m[2]!, no);
    }
    return out;
  }
  if (t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) throw new YamlError(no, 'unterminated double-quoted string');
    return JSON.parse(t) as string;
  }
  if (t.startsWith("'")) {
    if (!t.endsWith("'") || t.length < 2) throw new YamlError(no, 'unterminated single-quoted string');
    return t.slice(1, -1).replaceAll("''", "'");
  }
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[-+]?\d+$/.test(t)) return Number(t);
  if (/^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  // YAML 1.1 booleans read differently by different parsers: refuse them unquoted.
  if (/^(yes|no|on|off|y|n)$/i.test(t)) throw new YamlError(no, `ambiguous boolean ${t}: quote it or write true/false`);
  if (/:\s/.test(t) || t.endsWith(':')) throw new YamlError(no, `a plain scalar may not contain ": " — quote it: ${t}`);
  return t;
}

/** Parses one document's lines from `start` at exactly `indent`. */
function block(lines: Line[], start: number, indent: number): [Yaml, number] {
  const first = lines[start]!;
  if (first.indent !== indent) throw new YamlError(first.no, `expected indentation ${indent}, found ${first.indent}`);
  if (first.text.startsWith('- ') || first.text === '-') {
    const items: Yaml[] = [];
    let i = start;
    while (i < lines.length && lines[i]!.indent === indent && (lines[i]!.text.startsWith('- ') || lines[i]!.text === '-')) {
      const line = lines[i]!;
      const rest = line.text === '-' ? '' : line.text.slice(2);
      if (rest.trim() === '') {
        const [value, next] = block(lines, i + 1, lines[i + 1]?.indent ?? indent + 2);
        items.push(value);
        i = next;
      } else if (/^("[^"]*"|'[^']*'|[^\s"'[{#][^:]*):(\s|$)/.test(rest)) {
        // `- key: value` starts a mapping whose other keys sit under the key.
        const inner = indent + 2 + (rest.length - rest.trimStart().length);
        const sub: Line[] = [{ indent: inner, text: rest.trimStart(), no: line.no }];
        let j = i + 1;
        while (j < lines.length && lines[j]!.indent >= inner) sub.push(lines[j++]!);
        const [value, used] = block(sub, 0, inner);
        if (used !== sub.length) throw new YamlError(sub[used]!.no, 'unexpected indentation inside a sequence item');
        items.push(value);
        i = j;
      } else {
        items.push(scalar(rest, line.no));
        i++;
      }
    }
    return [items, i];
  }
  const map: Record<string, Yaml> = {};
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent) {
    const line = lines[i]!;
    if (line.text.startsWith('- ')) throw new YamlError(line.no, 'a sequence item where a key was expected');
    const m = line.text.match(/^("[^"]*"|'[^']*'|[^\s"'[{#][^:]*):(\s+(.*))?$/);
    if (!m) throw new YamlError(line.no, `expected "key: value", found: ${line.text}`);
    const key = String(scalar(m[1]!, line.no));
    if (key in map) throw new YamlError(line.no, `duplicate key ${key}`);
    const value = m[3]?.trim() ?? '';
    if (value === '') {
      const next = lines[i + 1];
      if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')))) {
        const [v, n] = block(lines, i + 1, next.indent);
        map[key] = v;
        i = n;
        continue;
      }
      map[key] = null;
    } else {
      map[key] = scalar(value, line.no);
    }
    i++;
  }
  if (i < lines.length && lines[i]!.indent > indent) throw new YamlError(lines[i]!.no, 'unexpected indentation');
  return [map, i];
}

/** Every document of a YAML stream. */
export function parseYamlDocuments(source: string): Yaml[] {
  const docs: Line[][] = [[]];
  source.split('\n').forEach((raw, index) => {
    const no = index + 1;
    if (raw.includes('\t')) throw new YamlError(no, 'tab characters are not allowed');
    if (/^---\s*$/.test(raw)) {
      docs.push([]);
      return;
    }
    if (/^\.\.\.\s*$/.test(raw) || /^%/.test(raw)) throw new YamlError(no, 'directives and document end markers are not used here');
    const text = stripComment(raw).trimEnd();
    if (!text.trim()) return;
    docs.at(-1)!.push({ indent: text.length - text.trimStart().length, text: text.trimStart(), no });
  });
  return docs
    .filter((d) => d.length > 0)
    .map((lines) => {
      const [value, used] = block(lines, 0, lines[0]!.indent);
      if (used !== lines.length) throw new YamlError(lines[used]!.no, 'unexpected indentation');
      return value;
    });
}
