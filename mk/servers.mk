# Servers the serve/load tests start (tests/servers.py): Apache Jena Fuseki (jars from Maven
# Central into .cache/maven), Chromium (browser test of the Oxigraph query UI) and Virtuoso
# (Debian packages). Every step is idempotent and quiet when already done.
# Included from the Makefile:  include mk/servers.mk  ; `make test` depends on test-servers.

FUSEKI_VERSION ?= 5.6.0
MAVEN_CACHE    ?= .cache/maven
FUSEKI_STAMP   := $(MAVEN_CACHE)/.fuseki-$(FUSEKI_VERSION).stamp

.PHONY: test-servers fuseki-jars chromium virtuoso

test-servers: fuseki-jars chromium virtuoso

fuseki-jars: $(FUSEKI_STAMP)

$(FUSEKI_STAMP): tests/fuseki/pom.xml
	@command -v mvn >/dev/null || { echo "mvn not found: Fuseki tests will be skipped"; exit 0; }
	@mkdir -p $(MAVEN_CACHE)
	@mvn -q -B -Dstyle.color=never -f tests/fuseki/pom.xml -Dfuseki.version=$(FUSEKI_VERSION) \
	    dependency:copy-dependencies -DoutputDirectory=$(abspath $(MAVEN_CACHE))
	@touch $@

define apt_install
	@if ! command -v $(1) >/dev/null 2>&1; then \
	    echo "installing $(2) (Debian)"; \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null || \
	    echo "could not install $(2): tests that need it will be skipped"; \
	fi
endef

chromium:
	$(call apt_install,chromium,chromium)

virtuoso:
	$(call apt_install,virtuoso-t,virtuoso-opensource)
