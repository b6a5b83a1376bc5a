import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from 'yaml';
import { invalidOption } from '../errors.js';
import { layerFromMapping, type ConfigLayer } from './config-layer.js';

const EXTENSIONS = ['.yml', '.yaml', '.json'];

/** `file:line:column` of a 0-based offset in a text. */
function position(file: string, text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `${file}:${line}:${col}`;
}

/** The line and column of each key of a YAML document, by dotted path. */
function keyPositions(contents: Node | null, lines: LineCounter, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : String(k);
      const path = prefix ? `${prefix}.${name}` : name;
      const offset = isScalar(k) && k.range ? k.range[0] : undefined;
      if (offset !== undefined) {
        const p = lines.linePos(offset);
        out.set(path, `${file}:${p.line}:${p.col}`);
      }
      walk(pair.value, path);
    }
  };
  walk(contents, '');
  return out;
}

/** Parses config text (YAML, or JSON when `json`), with errors naming file, line and column. */
export function parseConfigText(text: string, file: string, json = false): ConfigLayer {
  if (json) {
    try {
      JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const where = m ? position(file, text, Number(m[1])) : file;
      const msg = (err as Error).message.split('\n')[0]!.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '');
      throw invalidOption(`${where}: not valid JSON: ${msg}`);
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const p = first.linePos?.[0];
    const where = p ? `${file}:${p.line}:${p.col}` : file;
    const msg = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw invalidOption(`${where}: not valid ${json ? 'JSON' : 'YAML'}: ${msg}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { kind: 'config', label: file, entries: new Map() };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw invalidOption(`${file}: a config file must be a mapping of keys (like generation.target_records), got ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}`);
  }
  const where = keyPositions(doc.contents, lines, file);
  return layerFromMapping(data as Record<string, unknown>, file, (path) => where.get(path));
}

/** Loads `--config file.yml|.yaml|.json` into a layer. */
export async function loadConfigFile(file: string): Promise<ConfigLayer> {
  const ext = extname(file).toLowerCase();
  if (!EXTENSIONS.includes(ext)) throw invalidOption(`${file}: a config file must end in .yml, .yaml or .json (got "${ext || 'no extension'}")`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw invalidOption(`${file}: cannot read config file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`);
  }
  if (text.includes('\u0000')) throw invalidOption(`${file}: not a YAML or JSON text file (it holds NUL bytes)`);
  return parseConfigText(text, file, ext === '.json');
}
