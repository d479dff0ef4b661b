/** Test support for AllFrame users and AllFrame's own modules: external tools, ports, conformance kits. */
package dev.allframe.testkit;
