# Build, install and package shinchoku (Linux; see the README's "Install" section).
#
#   make install PREFIX=DIR   the release build (Swift runtime linked in), the themes, the man
#                             page and the bash, zsh and fish completions, under DIR
#   make deb                  a Debian package of the same files (dpkg-deb), in .build/deb/
#   make uninstall PREFIX=DIR removes what install put there
#
# The man page comes from swift-argument-parser's GenerateManual plugin and the completions
# from the binary's own --generate-completion-script: nothing here is written by hand.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

VERSION := $(shell sed -n 's/^let shinchokuVersion = "\(.*\)"$$/\1/p' Sources/shinchoku/Options.swift)
ARCH := $(shell dpkg --print-architecture 2>/dev/null || uname -m)
RELEASE := $(SWIFT) build -c release --static-swift-stdlib --product shinchoku
FILES := .build/install-files
DEB := .build/deb/shinchoku_$(VERSION)_$(ARCH).deb

BINDIR := $(DESTDIR)$(PREFIX)/bin
SHAREDIR := $(DESTDIR)$(PREFIX)/share

.PHONY: all release files install install-files uninstall deb

all: release

# The man page comes from the debug build (the same options; CI has built it already): the
# plugin builds every product, and in release without --static-swift-stdlib it would make the
# release build compile every module again.
files:
	rm -rf $(FILES) && mkdir -p $(FILES)
	$(SWIFT) package generate-manual --configuration debug
	cp .build/plugins/GenerateManual/outputs/shinchoku/shinchoku.1 $(FILES)/
	$(RELEASE)
	bin="$$($(RELEASE) --show-bin-path)/shinchoku"; \
	  cp "$$bin" $(FILES)/shinchoku && \
	  "$$bin" --generate-completion-script bash > $(FILES)/shinchoku.bash && \
	  "$$bin" --generate-completion-script zsh > $(FILES)/_shinchoku && \
	  "$$bin" --generate-completion-script fish > $(FILES)/shinchoku.fish

release: files

install: files
	$(MAKE) --no-print-directory install-files

# Copies what `files` made (and the themes) under $(DESTDIR)$(PREFIX).
install-files:
	install -D -m 755 $(FILES)/shinchoku $(BINDIR)/shinchoku
	install -d $(SHAREDIR)/shinchoku/themes
	install -m 644 Themes/*.yaml $(SHAREDIR)/shinchoku/themes/
	install -D -m 644 $(FILES)/shinchoku.1 $(SHAREDIR)/man/man1/shinchoku.1
	install -D -m 644 $(FILES)/shinchoku.bash $(SHAREDIR)/bash-completion/completions/shinchoku
	install -D -m 644 $(FILES)/_shinchoku $(SHAREDIR)/zsh/site-functions/_shinchoku
	install -D -m 644 $(FILES)/shinchoku.fish $(SHAREDIR)/fish/vendor_completions.d/shinchoku.fish

uninstall:
	rm -f $(BINDIR)/shinchoku $(SHAREDIR)/man/man1/shinchoku.1
	rm -f $(SHAREDIR)/bash-completion/completions/shinchoku
	rm -f $(SHAREDIR)/zsh/site-functions/_shinchoku
	rm -f $(SHAREDIR)/fish/vendor_completions.d/shinchoku.fish
	rm -rf $(SHAREDIR)/shinchoku/themes
	-rmdir $(SHAREDIR)/shinchoku

# The package installs under /usr. It depends on the packages of the shared libraries the
# binary links (found with ldd and dpkg -S: libncursesw6 and libtinfo6 for ncurses, libc6, …),
# the runtime packages, never a -dev one.
deb: files
	rm -rf .build/deb && mkdir -p .build/deb/root/DEBIAN
	$(MAKE) --no-print-directory install-files PREFIX=/usr DESTDIR=$(CURDIR)/.build/deb/root
	gzip -9n .build/deb/root/usr/share/man/man1/shinchoku.1
	: > .build/deb/depends; \
	for lib in $$(ldd $(FILES)/shinchoku | awk '/=> \//{print $$3}'); do \
	  real=$$(readlink -f "$$lib"); found=; \
	  for path in "$$lib" "$$real" "/usr$$lib" "$${real#/usr}"; do \
	    if pkg=$$(dpkg -S "$$path" 2>/dev/null); then found=$${pkg%%:*}; break; fi; \
	  done; \
	  [ -n "$$found" ] || { echo "make deb: no package has $$lib" >&2; exit 1; }; \
	  echo "$$found" >> .build/deb/depends; \
	done; \
	depends="$$(sort -u .build/deb/depends | paste -sd, | sed 's/,/, /g')"; \
	{ echo "Package: shinchoku"; \
	  echo "Version: $(VERSION)"; \
	  echo "Architecture: $(ARCH)"; \
	  echo "Maintainer: Shinchoku <dev@shinchoku.invalid>"; \
	  echo "Depends: $$depends"; \
	  echo "Section: utils"; \
	  echo "Priority: optional"; \
	  echo "Installed-Size: $$(du -sk .build/deb/root/usr | cut -f1)"; \
	  echo "Description: terminal dashboard for a city's reform-plan follow-up (進捗)"; \
	  echo " The progress matrix, the review committee's comments and the event calendar"; \
	  echo " of a reform plan, in the terminal (ncurses), with a presentation mode."; \
	} > .build/deb/root/DEBIAN/control
	dpkg-deb --root-owner-group --build .build/deb/root $(DEB)
	@echo "built $(DEB)"
