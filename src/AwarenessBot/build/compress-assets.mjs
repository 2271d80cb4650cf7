// Precompresses the page's scripts and styles once per build (Brotli at the best quality, gzip at level 9), next to
// the originals: WebPage/PrecompressedAssets serves them to browsers that accept them. Run by build/WebChat.targets.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2];
const wanted = /\.(js|css)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'admin') yield* files(path);
    } else if (wanted.test(name)) {
      yield path;
    }
  }
}

for (const path of files(root)) {
  const source = readFileSync(path);
  const fresh = (copy) => {
    try { return statSync(copy).mtimeMs >= statSync(path).mtimeMs; } catch { return false; }
  };
  if (!fresh(path + '.br')) {
    writeFileSync(path + '.br', brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    }));
  }
  if (!fresh(path + '.gz')) {
    writeFileSync(path + '.gz', gzipSync(source, { level: 9 }));
  }
}
