# The two commands a new user needs (see README.md):
#   make demo   build assess, check the shipped instruments and score an example
#   make test   run the whole test suite: swift test, then the end-to-end tests that drive
#               the built binary in a pseudo-terminal (Tests/e2e, Python with pexpect)
# Both install the system packages they need first (scripts/install-deps.sh).

SWIFT ?= swift
BIN := .build/debug/assess

.PHONY: deps build demo test release clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	$(BIN) validate Instruments/*.yaml
	$(BIN) score Instruments/womens-needs.yaml Instruments/examples/relationship-drives-drug-use.yaml

test: deps
	@bash scripts/install-test-deps.sh
	$(SWIFT) test
	ASSESS_BIN=$(CURDIR)/$(BIN) python3 -m unittest discover -s Tests/e2e -p "test_*.py" -v

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build
