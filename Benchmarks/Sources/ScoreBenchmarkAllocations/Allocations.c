// Counts heap allocations by defining malloc and its kin in the executable, which takes
// precedence over libc's for every library in the process (ELF symbol interposition),
// and passing each call on to glibc's own allocator through its exported __libc_*
// entry points. Counting is one relaxed atomic add per call.
#include "ScoreBenchmarkAllocations.h"

#include <errno.h>  // also defines __GLIBC__ on glibc
#include <stdatomic.h>
#include <stddef.h>

#if defined(__linux__) && defined(__GLIBC__)

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *pointer);

static _Atomic unsigned long long allocations = 0;

static inline void count(void) { atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed); }

void *malloc(size_t size) {
    count();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count();
    return __libc_calloc(n, size);
}

void *realloc(void *pointer, size_t size) {
    count();
    return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    count();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL && size != 0) return ENOMEM;
    *result = pointer;
    return 0;
}

void *valloc(size_t size) {
    count();
    return __libc_valloc(size);
}

void *pvalloc(size_t size) {
    count();
    return __libc_pvalloc(size);
}

void free(void *pointer) { __libc_free(pointer); }

unsigned long long score_benchmark_allocations(void) {
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}

int score_benchmark_counts_allocations(void) { return 1; }

#else

unsigned long long score_benchmark_allocations(void) { return 0; }

int score_benchmark_counts_allocations(void) { return 0; }

#endif
