// The random module: CPython's Mersenne Twister (MT19937, seeded by init_by_array over the 32-bit
// chunks of abs(seed)) and the algorithms of Lib/random.py on top of it, so that a seeded
// program draws exactly the numbers CPython draws.
#include <cmath>
#include <cstring>

#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;

struct RandomObject : Object {
    explicit RandomObject(Type* t) : Object(t) {}
    std::uint32_t mt[kN] = {};
    int index = kN + 1;
    Value gauss_next;  // null: none pending (None in CPython)

    void init_genrand(std::uint32_t s) {
        mt[0] = s;
        for (int i = 1; i < kN; ++i) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
        index = kN;
    }

    void init_by_array(const std::vector<std::uint32_t>& key) {
        init_genrand(19650218u);
        std::size_t i = 1, j = 0;
        std::size_t n = key.size();
        for (std::size_t k = std::max<std::size_t>(kN, n); k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<std::uint32_t>(j);
            ++i;
            ++j;
            if (i >= kN) {
                mt[0] = mt[kN - 1];
                i = 1;
            }
            if (j >= n) j = 0;
        }
        for (std::size_t k = kN - 1; k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
            ++i;
            if (i >= kN) {
                mt[0] = mt[kN - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000u;
    }

    std::uint32_t next32() {
        static const std::uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
        if (index >= kN) {
            int kk = 0;
            std::uint32_t y;
            for (; kk < kN - kM; ++kk) {
                y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
                mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 1u];
            }
            for (; kk < kN - 1; ++kk) {
                y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
                mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 1u];
            }
            y = (mt[kN - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
            mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 1u];
            index = 0;
        }
        std::uint32_t y = mt[index++];
        y ^= (y >> 11);
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= (y >> 18);
        return y;
    }

    double random() {
        std::uint32_t a = next32() >> 5, b = next32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    // getrandbits(k) for k <= 64.
    std::uint64_t bits64(std::uint64_t k) {
        if (k == 0) return 0;
        if (k <= 32) return next32() >> (32 - k);
        std::uint64_t lo = next32();
        std::uint64_t hi = next32() >> (64 - k);
        return lo | (hi << 32);
    }

    base::BigInt bits_big(std::uint64_t k) {
        // Little-endian 32-bit words; the last one keeps only its top bits.
        base::BigInt result;
        std::uint64_t shift = 0;
        while (k > 0) {
            std::uint32_t r = next32();
            if (k < 32) r >>= (32 - k);
            result = result + (base::BigInt(static_cast<std::int64_t>(r)) << shift);
            shift += 32;
            k = k >= 32 ? k - 32 : 0;
        }
        return result;
    }
};

// --- SHA-512, for seed(str) (Lib/random.py hashes the text into the seed) ---------------------

struct Sha512 {
    static constexpr std::uint64_t K[80] = {
        0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull, 0x3956c25bf348b538ull,
        0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull, 0xd807aa98a3030242ull, 0x12835b0145706fbeull,
        0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull, 0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull,
        0xc19bf174cf692694ull, 0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
        0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull, 0x983e5152ee66dfabull,
        0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull, 0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
        0x06ca6351e003826full, 0x142929670a0e6e70ull, 0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull,
        0x53380d139d95b3dfull, 0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
        0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull, 0xd192e819d6ef5218ull,
        0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull, 0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull,
        0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull, 0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull,
        0x682e6ff3d6b2b8a3ull, 0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
        0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull, 0xca273eceea26619cull,
        0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull, 0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull,
        0x113f9804bef90daeull, 0x1b710b35131c471bull, 0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull,
        0x431d67c49c100d4cull, 0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull};

    static std::uint64_t rotr(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

    static std::string digest(std::string_view msg) {
        std::uint64_t h[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
                              0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
        std::string data(msg);
        std::uint64_t bitlen = static_cast<std::uint64_t>(msg.size()) * 8;
        data += static_cast<char>(0x80);
        while (data.size() % 128 != 112) data += '\0';
        for (int i = 0; i < 8; ++i) data += '\0';  // high 64 bits of the 128-bit length
        for (int i = 7; i >= 0; --i) data += static_cast<char>((bitlen >> (i * 8)) & 0xff);
        for (std::size_t off = 0; off < data.size(); off += 128) {
            std::uint64_t w[80];
            for (int i = 0; i < 16; ++i) {
                w[i] = 0;
                for (int b = 0; b < 8; ++b) w[i] = (w[i] << 8) | static_cast<unsigned char>(data[off + i * 8 + b]);
            }
            for (int i = 16; i < 80; ++i) {
                std::uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
                std::uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            std::uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (int i = 0; i < 80; ++i) {
                std::uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
                std::uint64_t ch = (e & f) ^ (~e & g);
                std::uint64_t t1 = hh + S1 + ch + K[i] + w[i];
                std::uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
                std::uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
                std::uint64_t t2 = S0 + maj;
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
        }
        std::string out;
        for (std::uint64_t x : h)
            for (int i = 7; i >= 0; --i) out += static_cast<char>((x >> (i * 8)) & 0xff);
        return out;
    }
};

RandomObject* self_rng(const Args& a) { return a[0].as<RandomObject>(); }

bool do_seed(VM& vm, RandomObject* r, const Value& arg) {
    r->gauss_next = Value();
    base::BigInt n;
    if (arg.is_null() || arg.is_none()) {
        // CPython seeds from the OS; Loop Lab stays reproducible: an unseeded run is seed(0).
        n = base::BigInt(0);
    } else if (is_int(arg)) {
        n = to_bigint(arg).abs();
    } else if (arg.is_float()) {
        std::int64_t h;
        if (!hash(vm, arg, h)) return false;
        n = base::BigInt(h).abs();
    } else if (is_str(arg)) {
        // version 2: int.from_bytes(text + sha512(text).digest()), big-endian.
        std::string bytes(str_view(arg));
        bytes += Sha512::digest(bytes);
        for (unsigned char c : bytes) n = (n << 8) + base::BigInt(static_cast<std::int64_t>(c));
    } else {
        raise(vm, vm.exc.TypeError, "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.");
        return false;
    }
    std::vector<std::uint32_t> key;
    for (std::uint32_t limb : n.limbs()) key.push_back(limb);
    if (key.empty()) key.push_back(0);
    r->init_by_array(key);
    return true;
}

std::uint64_t randbelow_small(RandomObject* r, std::uint64_t n) {
    std::uint64_t k = 64 - static_cast<std::uint64_t>(__builtin_clzll(n));
    std::uint64_t x = r->bits64(k);
    while (x >= n) x = r->bits64(k);
    return x;
}

// _randbelow_with_getrandbits(n) for n > 0: k = n.bit_length(), retry getrandbits(k) until < n.
Value randbelow(VM& vm, RandomObject* r, const base::BigInt& n) {
    if (auto small = n.try_int64()) return Value::integer(static_cast<std::int64_t>(randbelow_small(r, static_cast<std::uint64_t>(*small))));
    std::uint64_t k = n.bit_length();
    base::BigInt x = r->bits_big(k);
    while (x >= n) x = r->bits_big(k);
    return new_int(vm, std::move(x));
}

Value random_new(VM& vm, Type* cls, Args a) {
    if (a.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "Random() takes at most 1 argument ({} given)", a.size());
    Value self = Value::steal(new RandomObject(cls));
    if (!do_seed(vm, self.as<RandomObject>(), a.size() ? a[0] : Value())) return {};
    return self;
}

Value m_seed(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "seed", {"a", "version"})) return {};
    if (!do_seed(vm, self_rng(a), arg_or_kw(a, 1, "a"))) return {};
    return Value::none();
}

Value m_random(VM& vm, Args a) {
    if (!method_none(vm, a, "Random.random")) return {};
    return Value::number(self_rng(a)->random());
}

Value m_getrandbits(VM& vm, Args a) {
    if (!method_one(vm, a, "Random.getrandbits")) return {};
    std::int64_t k;
    if (!index_int64(vm, a[1], k)) return {};
    if (k < 0) return raise(vm, vm.exc.ValueError, "number of bits must be non-negative");
    if (k <= 63) return Value::integer(static_cast<std::int64_t>(self_rng(a)->bits64(static_cast<std::uint64_t>(k))));
    return new_int(vm, self_rng(a)->bits_big(static_cast<std::uint64_t>(k)));
}

bool to_index(VM& vm, const Value& v, base::BigInt& out) {
    if (is_int(v)) {
        out = to_bigint(v);
        return true;
    }
    std::int64_t i;
    if (!index_int64(vm, v, i)) return false;
    out = base::BigInt(i);
    return true;
}

Value randrange_impl(VM& vm, RandomObject* r, const Value& start, const Value& stop, const Value& step) {
    base::BigInt istart;
    if (!to_index(vm, start, istart)) return {};
    bool step_given = step && !(step.is_int() && step.as_int() == 1);
    if (!stop || stop.is_none()) {
        if (step_given) return raise(vm, vm.exc.TypeError, "Missing a non-None stop argument");
        if (istart.sign() > 0) return randbelow(vm, r, istart);
        return raise(vm, vm.exc.ValueError, "empty range for randrange()");
    }
    base::BigInt istop;
    if (!to_index(vm, stop, istop)) return {};
    base::BigInt width = istop - istart;
    base::BigInt istep(1);
    if (step && !to_index(vm, step, istep)) return {};
    if (istep == base::BigInt(1)) {
        if (width.sign() > 0) {
            // Fast path: the common randint over small ranges.
            auto w = width.try_int64();
            auto s = istart.try_int64();
            if (w && s) {
                std::int64_t x = static_cast<std::int64_t>(randbelow_small(r, static_cast<std::uint64_t>(*w)));
                std::int64_t res;
                if (base::checked_add(*s, x, res)) return Value::integer(res);
                return new_int(vm, istart + base::BigInt(x));
            }
            Value x = randbelow(vm, r, width);
            return new_int(vm, istart + to_bigint(x));
        }
        Value sv = str(vm, start), ev = str(vm, stop);
        if (!sv || !ev) return {};
        return raise_fmt(vm, vm.exc.ValueError, "empty range in randrange({}, {})", str_view(sv), str_view(ev));
    }
    base::BigInt n;
    if (istep.sign() > 0) n = *base::BigInt::floor_div(width + istep - base::BigInt(1), istep);
    else if (istep.sign() < 0) n = *base::BigInt::floor_div(width + istep + base::BigInt(1), istep);
    else return raise(vm, vm.exc.ValueError, "zero step for randrange()");
    if (n.sign() <= 0) {
        Value sv = str(vm, start), ev = str(vm, stop), pv = str(vm, step);
        if (!sv || !ev || !pv) return {};
        return raise_fmt(vm, vm.exc.ValueError, "empty range in randrange({}, {}, {})", str_view(sv), str_view(ev), str_view(pv));
    }
    Value x = randbelow(vm, r, n);
    return new_int(vm, istart + istep * to_bigint(x));
}

Value m_randrange(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "randrange", {"start", "stop", "step"})) return {};
    if (a.size() > 4) return raise_fmt(vm, vm.exc.TypeError, "Random.randrange() takes from 2 to 4 positional arguments but {} were given", a.size());
    Value start = arg_or_kw(a, 1, "start"), stop = arg_or_kw(a, 2, "stop"), step = arg_or_kw(a, 3, "step");
    if (!start) return raise(vm, vm.exc.TypeError, "Random.randrange() missing 1 required positional argument: 'start'");
    return randrange_impl(vm, self_rng(a), start, stop, step);
}

Value m_randint(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "randint", {"a", "b"})) return {};
    Value lo = arg_or_kw(a, 1, "a"), hi = arg_or_kw(a, 2, "b");
    if (a.size() > 3) return raise_fmt(vm, vm.exc.TypeError, "Random.randint() takes 3 positional arguments but {} were given", a.size());
    if (!lo || !hi) {
        const char* which = !lo ? "2 required positional arguments: 'a' and 'b'" : "1 required positional argument: 'b'";
        return raise_fmt(vm, vm.exc.TypeError, "Random.randint() missing {}", which);
    }
    Value stop = binary_op(vm, BinOp::Add, hi, Value::integer(1));
    if (!stop) return {};
    return randrange_impl(vm, self_rng(a), lo, stop, Value());
}

Value m_choice(VM& vm, Args a) {
    if (!method_one(vm, a, "Random.choice")) return {};
    std::int64_t n;
    if (!length(vm, a[1], n)) return {};
    if (n == 0) return raise(vm, vm.exc.IndexError, "Cannot choose from an empty sequence");
    std::int64_t i = static_cast<std::int64_t>(randbelow_small(self_rng(a), static_cast<std::uint64_t>(n)));
    return get_item(vm, a[1], Value::integer(i));
}

Value m_shuffle(VM& vm, Args a) {
    if (!method_one(vm, a, "Random.shuffle")) return {};
    RandomObject* r = self_rng(a);
    const Value& x = a[1];
    std::int64_t n;
    if (!length(vm, x, n)) return {};
    if (is_list(x)) {
        auto& items = x.as<List>()->items;
        for (std::int64_t i = n - 1; i > 0; --i) {
            std::uint64_t j = randbelow_small(r, static_cast<std::uint64_t>(i + 1));
            if (static_cast<std::size_t>(i) < items.size() && j < items.size()) std::swap(items[static_cast<std::size_t>(i)], items[j]);
        }
        return Value::none();
    }
    for (std::int64_t i = n - 1; i > 0; --i) {
        std::int64_t j = static_cast<std::int64_t>(randbelow_small(r, static_cast<std::uint64_t>(i + 1)));
        Value xi = get_item(vm, x, Value::integer(i));
        if (!xi) return {};
        Value xj = get_item(vm, x, Value::integer(j));
        if (!xj) return {};
        if (!set_item(vm, x, Value::integer(i), xj) || !set_item(vm, x, Value::integer(j), xi)) return {};
    }
    return Value::none();
}

Value m_sample(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "sample", {"k", "counts"})) return {};
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "Random.sample() missing 1 required positional argument: 'population'");
    Value kv = arg_or_kw(a, 2, "k");
    if (!kv) return raise(vm, vm.exc.TypeError, "Random.sample() missing 1 required keyword-only argument: 'k'");
    if (a.kw("counts") && !a.kw("counts").is_none())
        return raise(vm, vm.exc.NotImplementedError, "sample(counts=...) is not supported in Loop Lab");
    const Value& pop = a[1];
    Type* pt = type_of(pop);
    bool is_seq = pt->slots.getitem && pt->slots.len && !is_dict(pop) && pt != vm.types.set && pt != vm.types.frozenset;
    if (!is_seq) return raise(vm, vm.exc.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    std::int64_t n, k;
    if (!length(vm, pop, n)) return {};
    if (!index_int64(vm, kv, k)) return {};
    if (k < 0 || k > n) return raise(vm, vm.exc.ValueError, "Sample larger than population or is negative");
    RandomObject* r = self_rng(a);
    std::vector<Value> result;
    result.reserve(static_cast<std::size_t>(k));
    std::int64_t setsize = 21;
    if (k > 5) setsize += static_cast<std::int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k) * 3) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<Value> pool;
        if (!collect(vm, pop, pool)) return {};
        for (std::int64_t i = 0; i < k; ++i) {
            std::uint64_t j = randbelow_small(r, static_cast<std::uint64_t>(n - i));
            result.push_back(pool[j]);
            pool[j] = pool[static_cast<std::size_t>(n - i - 1)];
        }
    } else {
        Value selected = new_set(vm);
        for (std::int64_t i = 0; i < k; ++i) {
            std::int64_t j = static_cast<std::int64_t>(randbelow_small(r, static_cast<std::uint64_t>(n)));
            while (selected.as<Set>()->contains(vm, Value::integer(j)) == 1)
                j = static_cast<std::int64_t>(randbelow_small(r, static_cast<std::uint64_t>(n)));
            selected.as<Set>()->add(vm, Value::integer(j));
            Value item = get_item(vm, pop, Value::integer(j));
            if (!item) return {};
            result.push_back(std::move(item));
        }
    }
    return new_list(vm, std::move(result));
}

// bisect.bisect_right(a, x, lo, hi)
bool bisect_right(VM& vm, const std::vector<Value>& a, const Value& x, std::size_t lo, std::size_t hi, std::size_t& out) {
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        int lt = compare_bool(vm, x, a[mid], CompareOp::Lt);
        if (lt < 0) return false;
        if (lt) hi = mid;
        else lo = mid + 1;
    }
    out = lo;
    return true;
}

Value m_choices(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "choices", {"population", "weights", "cum_weights", "k"})) return {};
    if (a.size() > 3)
        return raise_fmt(vm, vm.exc.TypeError, "Random.choices() takes from 2 to 3 positional arguments but {} were given", a.size());
    Value pop = arg_or_kw(a, 1, "population");
    if (!pop) return raise(vm, vm.exc.TypeError, "Random.choices() missing 1 required positional argument: 'population'");
    Value weights = arg_or_kw(a, 2, "weights");
    Value cum = a.kw("cum_weights");
    std::int64_t k = 1;
    if (Value kv = a.kw("k")) {
        if (!index_int64(vm, kv, k)) return {};
    }
    RandomObject* r = self_rng(a);
    std::int64_t n;
    if (!length(vm, pop, n)) return {};
    std::vector<Value> out;
    if (!cum || cum.is_none()) {
        if (!weights || weights.is_none()) {
            double nf = static_cast<double>(n);
            for (std::int64_t i = 0; i < k; ++i) {
                Value item = get_item(vm, pop, Value::integer(static_cast<std::int64_t>(std::floor(r->random() * nf))));
                if (!item) return {};
                out.push_back(std::move(item));
            }
            return new_list(vm, std::move(out));
        }
        if (is_int(weights))
            return raise_fmt(vm, vm.exc.TypeError, "The number of choices must be a keyword argument: k={}", to_bigint(weights).to_string());
        std::vector<Value> w;
        if (!collect(vm, weights, w)) return {};
        Value acc;
        std::vector<Value> c;
        for (auto& x : w) {
            acc = acc ? binary_op(vm, BinOp::Add, acc, x) : x;
            if (!acc) return {};
            c.push_back(acc);
        }
        cum = new_list(vm, std::move(c));
    } else if (weights && !weights.is_none()) {
        return raise(vm, vm.exc.TypeError, "Cannot specify both weights and cumulative weights");
    }
    std::vector<Value> cw;
    if (!collect(vm, cum, cw)) return {};
    if (static_cast<std::int64_t>(cw.size()) != n)
        return raise(vm, vm.exc.ValueError, "The number of weights does not match the population");
    if (cw.empty()) return raise(vm, vm.exc.IndexError, "list index out of range");
    Value tot = binary_op(vm, BinOp::Add, cw.back(), Value::number(0.0));
    if (!tot) return {};
    double total;
    if (!to_double(vm, tot, total)) return {};
    if (total <= 0.0) return raise(vm, vm.exc.ValueError, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) return raise(vm, vm.exc.ValueError, "Total of weights must be finite");
    std::size_t hi = static_cast<std::size_t>(n - 1);
    for (std::int64_t i = 0; i < k; ++i) {
        std::size_t pos;
        if (!bisect_right(vm, cw, Value::number(r->random() * total), 0, hi, pos)) return {};
        Value item = get_item(vm, pop, Value::integer(static_cast<std::int64_t>(pos)));
        if (!item) return {};
        out.push_back(std::move(item));
    }
    return new_list(vm, std::move(out));
}

bool float_arg(VM& vm, const Args& a, std::size_t i, const char* name, double dflt, double& out) {
    Value v = arg_or_kw(a, i, name);
    if (!v) {
        out = dflt;
        return true;
    }
    if (!to_double(vm, v, out)) {
        if (!has_error(vm)) raise_fmt(vm, vm.exc.TypeError, "must be real number, not {}", type_name(v));
        return false;
    }
    return true;
}

Value m_uniform(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "uniform", {"a", "b"})) return {};
    Value lo = arg_or_kw(a, 1, "a"), hi = arg_or_kw(a, 2, "b");
    if (!lo || !hi) return raise(vm, vm.exc.TypeError, "Random.uniform() missing required arguments 'a' and 'b'");
    // a + (b - a) * random(), with Python's arithmetic on the operands.
    Value diff = binary_op(vm, BinOp::Sub, hi, lo);
    if (!diff) return {};
    Value scaled = binary_op(vm, BinOp::Mul, diff, Value::number(self_rng(a)->random()));
    if (!scaled) return {};
    return binary_op(vm, BinOp::Add, lo, scaled);
}

Value m_gauss(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "gauss", {"mu", "sigma"})) return {};
    double mu, sigma;
    if (!float_arg(vm, a, 1, "mu", 0.0, mu) || !float_arg(vm, a, 2, "sigma", 1.0, sigma)) return {};
    RandomObject* r = self_rng(a);
    double z;
    if (r->gauss_next && r->gauss_next.is_float()) {
        z = r->gauss_next.as_float();
        r->gauss_next = Value();
    } else {
        r->gauss_next = Value();
        double x2pi = r->random() * (2.0 * M_PI);
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->random()));
        z = std::cos(x2pi) * g2rad;
        r->gauss_next = Value::number(std::sin(x2pi) * g2rad);
    }
    return Value::number(mu + z * sigma);
}

Value m_normalvariate(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "normalvariate", {"mu", "sigma"})) return {};
    double mu, sigma;
    if (!float_arg(vm, a, 1, "mu", 0.0, mu) || !float_arg(vm, a, 2, "sigma", 1.0, sigma)) return {};
    RandomObject* r = self_rng(a);
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = r->random();
        double u2 = 1.0 - r->random();
        z = magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return Value::number(mu + z * sigma);
}

Value m_expovariate(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "expovariate", {"lambd"})) return {};
    double lambd;
    if (!float_arg(vm, a, 1, "lambd", 1.0, lambd)) return {};
    double x = -std::log(1.0 - self_rng(a)->random());
    if (lambd == 0.0) return raise(vm, vm.exc.ZeroDivisionError, "float division by zero");
    return Value::number(x / lambd);
}

Value m_triangular(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "triangular", {"low", "high", "mode"})) return {};
    double low, high;
    if (!float_arg(vm, a, 1, "low", 0.0, low) || !float_arg(vm, a, 2, "high", 1.0, high)) return {};
    double u = self_rng(a)->random();
    double c = 0.5;
    Value mode = arg_or_kw(a, 3, "mode");
    if (mode && !mode.is_none()) {
        double m;
        if (!to_double(vm, mode, m)) return {};
        if (high == low) return Value::number(low);
        c = (m - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::number(low + (high - low) * std::sqrt(u * c));
}

Value m_getstate(VM& vm, Args a) {
    if (!method_none(vm, a, "Random.getstate")) return {};
    RandomObject* r = self_rng(a);
    std::vector<Value> words;
    words.reserve(kN + 1);
    for (std::uint32_t w : r->mt) words.push_back(Value::integer(w));
    words.push_back(Value::integer(r->index));
    Value g = r->gauss_next ? r->gauss_next : Value::none();
    return tuple_of(vm, {Value::integer(3), new_tuple(vm, std::move(words)), g});
}

Value m_setstate(VM& vm, Args a) {
    if (!method_one(vm, a, "Random.setstate")) return {};
    RandomObject* r = self_rng(a);
    const Value& st = a[1];
    if (!is_tuple(st) || st.as<Tuple>()->items.size() != 3 || !is_tuple(st.as<Tuple>()->items[1]) ||
        st.as<Tuple>()->items[1].as<Tuple>()->items.size() != kN + 1)
        return raise(vm, vm.exc.ValueError, "state vector is the wrong size");
    const auto& words = st.as<Tuple>()->items[1].as<Tuple>()->items;
    for (int i = 0; i < kN; ++i) {
        std::int64_t w;
        if (!to_int64(words[static_cast<std::size_t>(i)], w)) return raise(vm, vm.exc.TypeError, "state vector items must be integers");
        r->mt[i] = static_cast<std::uint32_t>(w);
    }
    std::int64_t idx;
    if (!to_int64(words[kN], idx) || idx < 0 || idx > kN) return raise(vm, vm.exc.ValueError, "invalid state");
    r->index = static_cast<int>(idx);
    const Value& g = st.as<Tuple>()->items[2];
    r->gauss_next = g.is_none() ? Value() : g;
    return Value::none();
}

}  // namespace

bool init_random(VM& vm, Module* m) {
    LibState& st = lib_state(vm);
    Type* t = make_builtin_type(vm, "Random", vm.types.object, kTypeBaseType);
    t->module = "random";
    t->alloc = [](VM&, Type* cls) -> Object* { return new RandomObject(cls); };
    t->slots.new_ = random_new;
    t->slots.init = nullptr;
    st.random = t;
    struct M {
        const char* name;
        NativeFn fn;
    };
    static const M methods[] = {
        {"seed", m_seed}, {"random", m_random}, {"getrandbits", m_getrandbits}, {"randrange", m_randrange},
        {"randint", m_randint}, {"choice", m_choice}, {"shuffle", m_shuffle}, {"sample", m_sample},
        {"choices", m_choices}, {"uniform", m_uniform}, {"gauss", m_gauss}, {"normalvariate", m_normalvariate},
        {"expovariate", m_expovariate}, {"triangular", m_triangular}, {"getstate", m_getstate},
        {"setstate", m_setstate},
    };
    for (const M& mm : methods) def_method(vm, t, mm.name, mm.fn);
    def_value(vm, m, "Random", Value::steal(t));
    // The module-level functions are bound methods of one hidden instance, as in Lib/random.py.
    Value inst = Value::steal(new RandomObject(t));
    do_seed(vm, inst.as<RandomObject>(), Value());
    for (const M& mm : methods) def_value(vm, m, mm.name, new_builtin_function(vm, mm.name, mm.fn, inst));
    def_value(vm, m, "_inst", inst);
    return true;
}

}  // namespace ll::vm::lib
