#ifndef SCORE_BENCHMARK_ALLOCATIONS_H
#define SCORE_BENCHMARK_ALLOCATIONS_H

/// How many blocks malloc, calloc, realloc and the aligned allocators have handed out in
/// this process so far, on every thread. Zero on platforms where they are not counted.
unsigned long long score_benchmark_allocations(void);

/// 1 when allocations are counted (Linux with glibc), 0 otherwise.
int score_benchmark_counts_allocations(void);

#endif
