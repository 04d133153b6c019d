def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log.contains('The kit could not run: acme.HourLatencyProvider declares a latency of 3600000 ms per SPI call'
        + ' and 0 ms per stack, out of the range the kit accepts (at most 10 s per call and 10 min per stack)')
assert log.contains('set tsm-tck.timeout.test and tsm-tck.timeout.run instead')
assert !log.contains('System.exit or Runtime.halt') : 'the kit blamed the implementation for its own check'
assert !log.contains('ArithmeticException')
return true
