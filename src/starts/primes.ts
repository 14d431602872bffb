/** The first count primes, by trial division against the primes found so far. */
export function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let c = 2; primes.length < count; c++) {
    let prime = true;
    for (const p of primes) {
      if (p * p > c) break;
      if (c % p === 0) {
        prime = false;
        break;
      }
    }
    if (prime) primes.push(c);
  }
  return primes;
}
