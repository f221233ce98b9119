// Finding and reading the program file, with CPython's path handling and error messages.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "tools/looplab/cli.hpp"

namespace ll::cli {

namespace {

// CPython prints Linux's errno numbers; the WebAssembly libc numbers them differently (ENOENT is
// 44 there), so the usual reasons a file cannot be opened are translated.
int linux_errno(int err) {
    switch (err) {
        case EPERM: return 1;
        case ENOENT: return 2;
        case EACCES: return 13;
        case ENOTDIR: return 20;
        case EISDIR: return 21;
        case ENAMETOOLONG: return 36;
        case ELOOP: return 40;
        default: return err;
    }
}

}  // namespace

std::string absolute_path(const std::string& path) {
    if (!path.empty() && path[0] == '/') return path;
    std::string cwd(4096, '\0');
    if (!getcwd(cwd.data(), cwd.size())) return path;
    cwd.resize(std::strlen(cwd.c_str()));
    if (cwd.empty() || cwd.back() != '/') cwd += '/';
    return cwd + path;
}

bool read_program(const std::string& path, std::string& source, int& status) {
    std::string shown = absolute_path(path);
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        // CPython would look for __main__.py in it; we run single files only.
        std::fprintf(stderr, "looplab: can't find '__main__' module in '%s'\n", shown.c_str());
        status = 1;
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        int err = errno ? errno : ENOENT;
        std::fprintf(stderr, "looplab: can't open file '%s': [Errno %d] %s\n", shown.c_str(), linux_errno(err), std::strerror(err));
        status = 2;
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    source = ss.str();
    return true;
}

}  // namespace ll::cli
