import groovy.json.JsonSlurper

// The target (issue "Performance"): with every SPI call 20 ms slower, the certification ends in under 2 minutes.
def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.complete
assert report.verdict == 'CERTIFIED'
def cost = report.totals.cost
println "[slow-provider] ${report.implementation.name}: ${cost.spiCalls} SPI calls, ${cost.stacks} stacks, " +
        "${cost.millis / 1000} s in tests (summed over tests running at once)"
def total = log.readLines().find { it.contains('Total time:') }
println total
def m = total =~ /Total time:\s+(?:(\d+):(\d+) min|([\d.]+) s)/
assert m.find() : total
def seconds = m.group(3) != null ? Double.parseDouble(m.group(3)) : Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2))
assert seconds < 120 : "the slow provider's build took ${seconds} s, more than the 120 s target"
return true
