// Stands in for the `debug` package inside the bundle: @stdlib's distribution functions log
// through it only when DEBUG is set, and loading it costs start-up time on every run.
module.exports = function debug() {
  return function log() {};
};
