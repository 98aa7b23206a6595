# The two commands a newcomer needs (see README.md); `bench` and `lint` are
# for the engineers. All set-up lives in scripts/dev.sh.
.PHONY: run test bench lint setup i18n

run:
	bash scripts/dev.sh run

test:
	bash scripts/dev.sh test

bench:
	bash scripts/dev.sh bench $(BENCH_ARGS)

lint:
	bash scripts/dev.sh lint

setup:
	bash scripts/dev.sh setup

i18n:
	bash scripts/dev.sh i18n
