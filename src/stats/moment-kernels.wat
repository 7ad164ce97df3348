;; The per-row co-moment updates of co-moments.ts and pairwise-co-moments.ts, in WebAssembly.
;;
;; A run on a small file does these updates before V8 has optimised the JavaScript that does
;; them, and interpreted floating-point arithmetic allocates a number for every intermediate
;; result. WebAssembly is compiled to machine code when it is loaded. The operations are the
;; same IEEE 754 double operations in the same order as the formulas below (WebAssembly
;; neither fuses nor reorders them), so every result is bit for bit the JavaScript one
;; (tests/stats/moment-kernels.test.ts checks this).
;;
;; An accumulator's numbers are a slice of a memory it shares with others (moment-kernels.ts);
;; every pointer below is a byte offset into that memory, and every array holds f64 values. `npm run build:wasm` turns this file into
;; moment-kernels-wasm.ts (the binary as base64).
(module
  (memory (import "env" "memory") 1)

  ;; Complete row y (k values) into n, mean and the upper triangle of M (k x k, row-major);
  ;; n is the row count with this row. Welford (1962); Pébay (2008), eq. 3.12:
  ;;   d_i = y_i - mean_i,  mean_i' = mean_i + d_i / n,  M_ij' = M_ij + d_i (y_j - mean_j'), j >= i
  ;; `delta` (k values) is scratch space for the d_i.
  (func (export "coMomentsAdd")
    (param $k i32) (param $n f64) (param $y i32) (param $mean i32) (param $delta i32) (param $m i32)
    (local $i i32) (local $d f64) (local $di f64) (local $yEnd i32) (local $at i32) (local $yj i32) (local $meanj i32)
    (local.set $yEnd (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3))))
    (local.set $i (i32.const 0))
    (block $means (loop $mean_i
      (br_if $means (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $at (i32.shl (local.get $i) (i32.const 3)))
      (local.set $d (f64.sub
        (f64.load (i32.add (local.get $y) (local.get $at)))
        (f64.load (i32.add (local.get $mean) (local.get $at)))))
      (f64.store (i32.add (local.get $delta) (local.get $at)) (local.get $d))
      (f64.store (i32.add (local.get $mean) (local.get $at))
        (f64.add
          (f64.load (i32.add (local.get $mean) (local.get $at)))
          (f64.div (local.get $d) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $mean_i)))
    (local.set $i (i32.const 0))
    (block $rows (loop $row_i
      (br_if $rows (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $di (f64.load (i32.add (local.get $delta) (i32.shl (local.get $i) (i32.const 3)))))
      ;; M_ii, then along row i; y_j and mean_j from j = i on.
      (local.set $at (i32.add (local.get $m)
        (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $i)) (i32.const 3))))
      (local.set $yj (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $meanj (i32.add (local.get $mean) (i32.shl (local.get $i) (i32.const 3))))
      (block $cols (loop $col_j
        (br_if $cols (i32.ge_u (local.get $yj) (local.get $yEnd)))
        (f64.store (local.get $at)
          (f64.add
            (f64.load (local.get $at))
            (f64.mul (local.get $di) (f64.sub (f64.load (local.get $yj)) (f64.load (local.get $meanj))))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (local.set $yj (i32.add (local.get $yj) (i32.const 8)))
        (local.set $meanj (i32.add (local.get $meanj) (i32.const 8)))
        (br $col_j)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row_i)))
  )

  ;; Row y (k values, NaN = missing) into the pairwise-complete moments: `single` holds
  ;; [n, mean, M2] per variable (univariate-moments.ts), `pairs` [n, mean x, mean y, M2 x,
  ;; M2 y, C xy] per pair i < j in row-major order of the upper triangle (paired-moments.ts).
  ;;   variable, for observed x:  n' = n + 1, d = x - m, m' = m + d / n', M2' = M2 + d (x - m')
  ;;   pair, both observed:       n' = n + 1, dx = x - mx, dy = y - my, mx' = mx + dx / n',
  ;;                              my' = my + dy / n', M2x' = M2x + dx (x - mx'),
  ;;                              M2y' = M2y + dy (y - my'), Cxy' = Cxy + dx (y - my')
  (func (export "pairwiseAdd")
    (param $k i32) (param $y i32) (param $single i32) (param $pairs i32)
    (local $i i32) (local $j i32) (local $x f64) (local $v f64) (local $n f64) (local $d f64)
    (local $mean f64) (local $dx f64) (local $dy f64) (local $mx f64) (local $my f64)
    (local $s i32) (local $p i32)
    (local.set $p (local.get $pairs))
    (local.set $i (i32.const 0))
    (block $vars (loop $var_i
      (br_if $vars (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $x (f64.load (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3)))))
      (if (f64.ne (local.get $x) (local.get $x))
        (then
          ;; Missing: the pairs (i, j > i) are skipped.
          (local.set $p (i32.add (local.get $p)
            (i32.mul (i32.sub (i32.sub (local.get $k) (local.get $i)) (i32.const 1)) (i32.const 48)))))
        (else
          (local.set $s (i32.add (local.get $single) (i32.mul (local.get $i) (i32.const 24))))
          (local.set $n (f64.add (f64.load (local.get $s)) (f64.const 1)))
          (local.set $d (f64.sub (local.get $x) (f64.load offset=8 (local.get $s))))
          (local.set $mean (f64.add (f64.load offset=8 (local.get $s)) (f64.div (local.get $d) (local.get $n))))
          (f64.store (local.get $s) (local.get $n))
          (f64.store offset=8 (local.get $s) (local.get $mean))
          (f64.store offset=16 (local.get $s)
            (f64.add (f64.load offset=16 (local.get $s))
              (f64.mul (local.get $d) (f64.sub (local.get $x) (local.get $mean)))))
          (local.set $j (i32.add (local.get $i) (i32.const 1)))
          (block $others (loop $pair_j
            (br_if $others (i32.ge_u (local.get $j) (local.get $k)))
            (local.set $v (f64.load (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 3)))))
            (if (f64.eq (local.get $v) (local.get $v))
              (then
                (local.set $n (f64.add (f64.load (local.get $p)) (f64.const 1)))
                (local.set $dx (f64.sub (local.get $x) (f64.load offset=8 (local.get $p))))
                (local.set $dy (f64.sub (local.get $v) (f64.load offset=16 (local.get $p))))
                (local.set $mx (f64.add (f64.load offset=8 (local.get $p)) (f64.div (local.get $dx) (local.get $n))))
                (local.set $my (f64.add (f64.load offset=16 (local.get $p)) (f64.div (local.get $dy) (local.get $n))))
                (f64.store (local.get $p) (local.get $n))
                (f64.store offset=8 (local.get $p) (local.get $mx))
                (f64.store offset=16 (local.get $p) (local.get $my))
                (f64.store offset=24 (local.get $p)
                  (f64.add (f64.load offset=24 (local.get $p))
                    (f64.mul (local.get $dx) (f64.sub (local.get $x) (local.get $mx)))))
                (f64.store offset=32 (local.get $p)
                  (f64.add (f64.load offset=32 (local.get $p))
                    (f64.mul (local.get $dy) (f64.sub (local.get $v) (local.get $my)))))
                (f64.store offset=40 (local.get $p)
                  (f64.add (f64.load offset=40 (local.get $p))
                    (f64.mul (local.get $dx) (f64.sub (local.get $v) (local.get $my)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 48)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $pair_j)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $var_i)))
  )
)
