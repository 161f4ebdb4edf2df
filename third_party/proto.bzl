"""strata_cc_proto_library: .proto -> C++ with Debian's /usr/bin/protoc.

Bazel 4's native proto rules want @com_google_protobuf, which cannot be downloaded here; this
macro runs the system protoc in a genrule and wraps the generated code in a cc_library.

    strata_cc_proto_library(
        name = "layer_config_cc_proto",
        srcs = ["layer_config.proto"],
    )
    # C++: #include "serialization/layer_config.pb.h"
"""

def strata_cc_proto_library(name, srcs, deps = [], visibility = None, testonly = False):
    """Generates <file>.pb.h/.pb.cc for each of srcs and a cc_library `name` over them.

    Args:
      name: the cc_library's name.
      srcs: .proto files in this package; imports resolve from the workspace root, then
        /usr/include (protobuf's well-known types such as google/protobuf/struct.proto).
      deps: other strata_cc_proto_library targets whose .proto files srcs import.
      visibility: the cc_library's visibility.
      testonly: passed through.
    """
    package = native.package_name()
    hdrs = [s[:-len(".proto")] + ".pb.h" for s in srcs]
    cc_srcs = [s[:-len(".proto")] + ".pb.cc" for s in srcs]
    dep_protos = [d + "_protos" for d in deps]
    native.filegroup(
        name = name + "_protos",
        srcs = srcs + dep_protos,
        testonly = testonly,
        visibility = visibility,
    )
    out_prefix = "$(GENDIR)" + ("/" + package if package else "")
    native.genrule(
        name = name + "_gen",
        srcs = srcs + dep_protos,
        outs = hdrs + cc_srcs,
        cmd = "/usr/bin/protoc --proto_path=. --proto_path=/usr/include --cpp_out=$(GENDIR) " +
              " ".join(["$(location %s)" % s for s in srcs]),
        testonly = testonly,
    )
    native.cc_library(
        name = name,
        srcs = cc_srcs,
        hdrs = hdrs,
        deps = deps + ["//third_party:protobuf"],
        testonly = testonly,
        visibility = visibility,
    )
