// L2-regularized logistic regression fitted by Newton's method (iteratively reweighted
// least squares). Exact, deterministic (no random start, no sampling) and fast for a few
// hundred features and a few thousand sentences, which is what the training sets hold.

export interface LogisticFit {
  weights: number[];
  bias: number;
  iterations: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Solves A x = b for a symmetric positive-definite A (row-major, n x n) by Cholesky decomposition. */
export function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (sum <= 0) throw new RangeError("matrix is not positive definite");
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k += 1) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * Fits weights and a bias minimizing the summed log loss plus l2/2 * |weights|^2
 * (the bias is not penalized); l2 may give one penalty per feature. Rows are feature vectors, labels 0 or 1; sampleWeights
 * (optional) reweight rows, e.g. to balance classes.
 */
export function fitLogistic(
  rows: ArrayLike<number>[],
  labels: number[],
  options: { l2: number | number[]; maxIterations?: number; tolerance?: number; sampleWeights?: number[] },
): LogisticFit {
  const n = rows.length;
  if (n === 0) throw new RangeError("no training rows");
  const d = rows[0]!.length;
  const size = d + 1; // the bias is the last coefficient
  const beta = new Float64Array(size);
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    const hessian = new Float64Array(size * size);
    const gradient = new Float64Array(size);
    for (let r = 0; r < n; r += 1) {
      const x = rows[r]!;
      let z = beta[d]!;
      for (let j = 0; j < d; j += 1) z += beta[j]! * x[j]!;
      const p = sigmoid(z);
      const sw = options.sampleWeights?.[r] ?? 1;
      const residual = (p - labels[r]!) * sw;
      const curvature = Math.max(p * (1 - p), 1e-10) * sw;
      for (let j = 0; j < d; j += 1) {
        const xj = x[j]!;
        if (xj === 0) continue;
        gradient[j]! += residual * xj;
        const rowOffset = j * size;
        for (let k = 0; k <= j; k += 1) {
          const xk = x[k]!;
          if (xk !== 0) hessian[rowOffset + k]! += curvature * xj * xk;
        }
        hessian[d * size + j]! += curvature * xj;
      }
      gradient[d]! += residual;
      hessian[d * size + d]! += curvature;
    }
    for (let j = 0; j < d; j += 1) {
      const l2 = typeof options.l2 === "number" ? options.l2 : options.l2[j]!;
      gradient[j]! += l2 * beta[j]!;
      hessian[j * size + j]! += l2;
    }
    hessian[d * size + d]! += 1e-8;
    // Mirror the lower triangle (accumulated above, and the bias row) into a full matrix.
    for (let j = 0; j < size; j += 1) for (let k = 0; k < j; k += 1) hessian[k * size + j] = hessian[j * size + k]!;
    const step = solveSymmetric(hessian, gradient, size);
    let largest = 0;
    for (let j = 0; j < size; j += 1) {
      beta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < tolerance) {
      iterations += 1;
      break;
    }
  }
  return { weights: Array.from(beta.subarray(0, d)), bias: beta[d]!, iterations };
}
