/*
 * Reference outputs for tests/stats/xoshiro128.test.ts.
 * next() is xoshiro128** 1.1 as published by Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c ; the seeding is SplitMix32
 * (golden-ratio increment, MurmurHash3 fmix32-style finaliser with constants
 * 0x85ebca6b and 0xc2b2ae35).
 *
 *   cc -O2 -o /tmp/xoshiro xoshiro128starstar.c && /tmp/xoshiro
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t s[4];

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t sm;
static uint32_t splitmix32(void) {
  uint32_t z = (sm += 0x9e3779b9u);
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

int main(void) {
  s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
  printf("state [1, 2, 3, 4]:");
  for (int i = 0; i < 10; i++) printf(" %u", next());
  printf("\n");
  uint32_t seeds[] = {1u, 42u, 4294967295u};
  for (int j = 0; j < 3; j++) {
    sm = seeds[j];
    for (int i = 0; i < 4; i++) s[i] = splitmix32();
    printf("seed %u:", seeds[j]);
    for (int i = 0; i < 6; i++) printf(" %u", next());
    printf("\n");
  }
  return 0;
}
