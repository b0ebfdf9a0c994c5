// Stands in, inside the bundled CLI only (webpack.cli.config.js), for the parts of exceljs the
// CLI never calls: CSV (fast-csv, dayjs) and the streaming reader and writer (unzipper,
// archiver, tmp …). Their ~300 modules would be compiled at every start for nothing.
// Reaching one is a bug in the bundle's configuration, and says so.
class NotInTheBundledCli {
  constructor() {
    throw new Error('jixiao-check: this part of exceljs (CSV or streaming) is left out of the bundled CLI');
  }
}
module.exports = NotInTheBundledCli;
