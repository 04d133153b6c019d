import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.complete
assert report.verdict == 'CERTIFIED'
def cost = report.totals.cost
println "[slow-provider] ${report.implementation.name}: ${cost.spiCalls} SPI calls, ${cost.stacks} stacks, " +
        "${cost.millis / 1000} s in tests"
println log.readLines().find { it.contains('Total time:') }
return true
