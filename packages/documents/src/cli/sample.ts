// Writes the sample papers (agenda and minutes of 荒川区's committee, minutes of a decision by circulation in
// 川崎市) as Markdown, DOCX and PDF into a directory, so that a person can open them:
//   node --import tsx packages/documents/src/cli/sample.ts /tmp/papers

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { documentFileName, renderDocx, renderMarkdown, renderPdf, type MeetingDocument } from '../index.ts';
import { arakawaAgenda, arakawaMinutes, kawasakiCirculationMinutes } from '../samples.ts';

const SAMPLES: { prefix: string; doc: MeetingDocument }[] = [
  { prefix: 'arakawa', doc: arakawaAgenda },
  { prefix: 'arakawa', doc: arakawaMinutes },
  { prefix: 'kawasaki-circulation', doc: kawasakiCirculationMinutes },
];

async function main(): Promise<void> {
  const dirArg = process.argv[2];
  if (!dirArg) {
    console.error('usage: node --import tsx packages/documents/src/cli/sample.ts <output-directory>');
    process.exitCode = 2;
    return;
  }
  const dir = resolve(dirArg);
  await mkdir(dir, { recursive: true });
  for (const { prefix, doc } of SAMPLES) {
    const outputs: [string, string | Buffer][] = [
      [documentFileName(doc, 'md'), renderMarkdown(doc)],
      [documentFileName(doc, 'docx'), await renderDocx(doc)],
      [documentFileName(doc, 'pdf'), await renderPdf(doc)],
    ];
    for (const [name, content] of outputs) {
      const path = join(dir, `${prefix}-${name}`);
      await writeFile(path, content);
      console.log(`${path} (${Buffer.byteLength(content)} bytes)`);
    }
  }
}

await main();
