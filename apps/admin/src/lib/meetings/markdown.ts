// A small, safe reading of the Markdown the gateway renders a meeting paper as (次第, 会議録):
// headings, bullet and numbered lists (nested by indentation), paragraphs and rules. The result is
// a tree of plain-text blocks the preview renders as elements — never as HTML — so nothing in the
// data can inject markup.

export type MarkdownBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; ordered: boolean; start: number; items: MarkdownListItem[] }
  | { type: 'rule' };

export interface MarkdownListItem {
  text: string;
  children: MarkdownBlock[];
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|(\d{1,9})[.)])\s+(.*)$/;

/** Backslash escapes (\*, \#, \1. …) read as the character itself. */
export function unescapeInline(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].replace(/\t/g, '    ').length : 0;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line);
}

/** Strips up to `count` columns of leading indentation. */
function dedent(line: string, count: number): string {
  let removed = 0;
  let index = 0;
  while (index < line.length && removed < count && (line[index] === ' ' || line[index] === '\t')) {
    removed += line[index] === '\t' ? 4 : 1;
    index += 1;
  }
  return line.slice(index);
}

function parseLines(lines: string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: unescapeInline(heading[2]!) });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const listIndent = indentOf(line);
      const ordered = item[3] !== undefined;
      const list: Extract<MarkdownBlock, { type: 'list' }> = {
        type: 'list',
        ordered,
        start: ordered ? Number(item[3]) : 1,
        items: [],
      };
      while (i < lines.length) {
        const current = LIST_ITEM.exec(lines[i]!);
        if (!current || indentOf(lines[i]!) !== listIndent || (current[3] !== undefined) !== ordered) break;
        // The item's own lines: everything indented deeper than its marker, blank lines included
        // when the list goes on after them.
        const body: string[] = [];
        let j = i + 1;
        while (j < lines.length) {
          const next = lines[j]!;
          if (isBlank(next)) {
            const following = lines.slice(j + 1).find((candidate) => !isBlank(candidate));
            if (following !== undefined && indentOf(following) > listIndent) {
              body.push('');
              j += 1;
              continue;
            }
            break;
          }
          if (indentOf(next) <= listIndent) break;
          body.push(next);
          j += 1;
        }
        const childIndent = Math.min(...body.filter((b) => !isBlank(b)).map(indentOf), Number.MAX_SAFE_INTEGER);
        const children = parseLines(body.map((b) => dedent(b, childIndent)));
        // Lines continuing the item's text (not a nested block) join its text.
        let text = unescapeInline(current[4]!);
        if (children[0]?.type === 'paragraph') {
          const [first, ...rest] = children;
          text = [text, ...(first as { lines: string[] }).lines].join(' ');
          children.splice(0, children.length, ...rest);
        }
        list.items.push({ text, children });
        i = j;
        // A blank line between items of the same list does not end it.
        while (i < lines.length && isBlank(lines[i]!)) {
          const following = lines.slice(i).find((candidate) => !isBlank(candidate));
          if (following === undefined) break;
          const continues = LIST_ITEM.exec(following);
          if (continues && indentOf(following) === listIndent && (continues[3] !== undefined) === ordered) i += 1;
          else break;
        }
      }
      blocks.push(list);
      continue;
    }
    // A paragraph: lines up to a blank line or the start of another block.
    const paragraph: string[] = [];
    while (i < lines.length && !isBlank(lines[i]!) && (paragraph.length === 0 || !startsBlock(lines[i]!))) {
      paragraph.push(unescapeInline(lines[i]!.trim()));
      i += 1;
    }
    blocks.push({ type: 'paragraph', lines: paragraph });
  }
  return blocks;
}

/** Markdown text → blocks of plain text. */
export function parseMarkdown(text: string): MarkdownBlock[] {
  return parseLines(text.replace(/\r\n?/g, '\n').split('\n'));
}
