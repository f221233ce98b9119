// The string module: the character-class constants and capwords.
#include "engine/vm/vm.hpp"

namespace ll::vm::lib {

namespace {

const char* const kStringSource = R"PY(
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))
)PY";

}  // namespace

void register_string(VM& vm) { vm.register_source_module("string", "<string>", kStringSource); }

}  // namespace ll::vm::lib
