// Preloaded into the CLI under test: any attempt to open a connection or resolve a name
// is reported on stderr and fails, so a test can assert the tool makes none.
const net = require('node:net');
const dns = require('node:dns');
const report = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network access is not allowed: ${what}`);
};
net.Socket.prototype.connect = function () {
  return report('socket connect');
};
dns.lookup = () => report('dns lookup');
dns.promises.lookup = async () => report('dns lookup');
