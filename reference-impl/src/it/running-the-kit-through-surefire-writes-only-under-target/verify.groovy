def log = new File(basedir, 'build.log').text
def results = log.findAll(/Tests run: (\d+), Failures: (\d+)/) { all, run, failures -> [run as int, failures as int] }
assert results && results.last()[0] > 500 : 'the kit ran through Surefire'
assert results.last()[1] > 0 : 'the fault made tests fail, so transcripts were handled'
// nothing outside target/, and no Allure results anywhere unless asked for
def outside = basedir.list().findAll { !(it in ['pom.xml', 'invoker.properties', 'verify.groovy', 'build.log', 'target', '.mvn']) }
assert outside.isEmpty() : outside
def allure = []
new File(basedir, 'target').eachFileRecurse { if (it.name.contains('allure')) allure << it }
assert allure.isEmpty() : allure.take(3)
return true
