# Section 3 manual pages, generated from the doc comments of include/sdp.h
# (tests/api_list.awk reads the header, man/man3_gen.awk writes the pages:
# one per numbered part of the header, and sdpx.3 naming them).
EXTRA_DIST += man/man3_gen.awk man/man3.test
man3dir = $(mandir)/man3
man/man3.stamp: tests/api_list.txt $(srcdir)/man/man3_gen.awk
	@$(MKDIR_P) man
	rm -f man/sdpx*.3
	$(AWK) -v outdir=man -v version=$(PACKAGE_VERSION) -f $(srcdir)/man/man3_gen.awk tests/api_list.txt
	touch $@
all-local: man/man3.stamp
install-data-local: install-man3
install-man3: man/man3.stamp
	$(MKDIR_P) '$(DESTDIR)$(man3dir)'
	$(INSTALL_DATA) man/sdpx*.3 '$(DESTDIR)$(man3dir)'
uninstall-local:
	for f in man/sdpx*.3; do rm -f "$(DESTDIR)$(man3dir)/$${f#man/}"; done
clean-local: clean-local-man3
clean-local-man3:
	-rm -f man/sdpx*.3 man/man3.stamp
.PHONY: install-man3 clean-local-man3
TESTS += man/man3.test
check_DATA = man/man3.stamp
