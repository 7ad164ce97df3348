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
  (func $coMomentsAdd (export "coMomentsAdd")
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
  (func $pairwiseAdd (export "pairwiseAdd")
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

  ;; ScaleAccumulator.add of one row under listwise deletion (scale-accumulator.ts), in place.
  ;; `y` holds the row's k values (NaN = missing); per item i:
  ;;   missing:   missing[i] += 1;
  ;;   answered:  its code c = reverseSum - y_i for a reversed item (reversed[i] = 1), else y_i,
  ;;              counts in dense[i span + (c - min)] when c - min is a whole number in [0, span);
  ;;              the first answered value of all rows becomes the origin, shift[0].
  ;; A complete row is then moved to the origin (y_i - shift) and added to the co-moments
  ;; (coMomentsAdd, n = its row count with this row). The result is 2 u + c: c = 1 when the row
  ;; was complete (and added), u the answered codes not counted here (the caller counts them).
  (func $scaleRowAdd (export "scaleRowAdd")
    (param $k i32) (param $y i32) (param $missing i32) (param $reversed i32) (param $dense i32) (param $span i32)
    (param $min f64) (param $reverseSum f64) (param $shift i32)
    (param $n f64) (param $mean i32) (param $delta i32) (param $m i32) (result i32)
    (local $i i32) (local $at i32) (local $v f64) (local $code f64) (local $index f64) (local $answered i32) (local $uncounted i32)
    (local $origin f64)
    (local.set $i (i32.const 0))
    (block $items (loop $item_i
      (br_if $items (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $at (i32.shl (local.get $i) (i32.const 3)))
      (local.set $v (f64.load (i32.add (local.get $y) (local.get $at))))
      (if (f64.ne (local.get $v) (local.get $v))
        (then
          (f64.store (i32.add (local.get $missing) (local.get $at))
            (f64.add (f64.load (i32.add (local.get $missing) (local.get $at))) (f64.const 1))))
        (else
          (local.set $answered (i32.add (local.get $answered) (i32.const 1)))
          (local.set $code (select
            (f64.sub (local.get $reverseSum) (local.get $v))
            (local.get $v)
            (f64.eq (f64.load (i32.add (local.get $reversed) (local.get $at))) (f64.const 1))))
          (local.set $index (f64.sub (local.get $code) (local.get $min)))
          (if (i32.and
                (i32.and (f64.ge (local.get $index) (f64.const 0)) (f64.lt (local.get $index) (f64.convert_i32_u (local.get $span))))
                (f64.eq (local.get $index) (f64.floor (local.get $index))))
            (then
              (local.set $at (i32.add (local.get $dense)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $span)) (i32.trunc_f64_u (local.get $index))) (i32.const 3))))
              (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.const 1))))
            (else (local.set $uncounted (i32.add (local.get $uncounted) (i32.const 1)))))
          (if (f64.ne (f64.load (local.get $shift)) (f64.load (local.get $shift)))
            (then (f64.store (local.get $shift) (local.get $v))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $item_i)))
    (if (i32.lt_u (local.get $answered) (local.get $k))
      (then (return (i32.shl (local.get $uncounted) (i32.const 1)))))
    (local.set $origin (f64.load (local.get $shift)))
    (local.set $i (i32.const 0))
    (block $moved (loop $move_i
      (br_if $moved (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $at (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))))
      (f64.store (local.get $at) (f64.sub (f64.load (local.get $at)) (local.get $origin)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $move_i)))
    (call $coMomentsAdd (local.get $k) (local.get $n) (local.get $y) (local.get $mean) (local.get $delta) (local.get $m))
    (i32.or (i32.shl (local.get $uncounted) (i32.const 1)) (i32.const 1)))

  ;; scaleRowAdd over `count` rows of k values one after the other from y (a block of rows), n
  ;; the co-moments' row count before them. It stops after a row with answered codes it left
  ;; uncounted (the caller counts them and goes on from the next row). The result is r + 65536 c:
  ;; r the rows done, c the complete rows among them (count is below 65536).
  (func (export "scaleRowsAdd")
    (param $k i32) (param $y i32) (param $count i32) (param $missing i32) (param $reversed i32) (param $dense i32) (param $span i32)
    (param $min f64) (param $reverseSum f64) (param $shift i32)
    (param $n f64) (param $mean i32) (param $delta i32) (param $m i32) (result i32)
    (local $r i32) (local $complete i32) (local $result i32)
    (block $done (loop $row
      (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $result (call $scaleRowAdd (local.get $k) (local.get $y) (local.get $missing) (local.get $reversed)
        (local.get $dense) (local.get $span) (local.get $min) (local.get $reverseSum) (local.get $shift)
        (f64.add (local.get $n) (f64.convert_i32_u (i32.add (local.get $complete) (i32.const 1))))
        (local.get $mean) (local.get $delta) (local.get $m)))
      (local.set $complete (i32.add (local.get $complete) (i32.and (local.get $result) (i32.const 1))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (local.set $y (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3))))
      (br_if $done (i32.gt_u (local.get $result) (i32.const 1)))
      (br $row)))
    (i32.add (local.get $r) (i32.shl (local.get $complete) (i32.const 16))))

  ;; ScoreAccumulator.add (score-accumulator.ts, Pearson) of `count` rows of p scores one after
  ;; the other from `scores` (NaN: no score). Per scale i with a score s: its first score becomes
  ;; shift[i]; minimum[i] and maximum[i] take s when it is below or above them; its histogram
  ;; counts one in bin b = floor((s - from) / width), 0 when b < 0 and bins - 1 when b >= bins
  ;; (score-histogram.ts); `layout` holds from, width, bins and the address of its counts, four
  ;; f64 per scale. Then y_i = s - shift[i] (NaN without a score) for all p go to pairwiseAdd.
  (func (export "scoreRowsAdd")
    (param $p i32) (param $scores i32) (param $count i32) (param $shift i32) (param $minimum i32) (param $maximum i32)
    (param $layout i32) (param $y i32) (param $single i32) (param $pairs i32)
    (local $r i32) (local $i i32) (local $at i32) (local $s f64) (local $l i32) (local $b f64) (local $bins f64) (local $c i32)
    (block $rows (loop $row
      (br_if $rows (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $i (i32.const 0))
      (block $done (loop $scale
        (br_if $done (i32.ge_u (local.get $i) (local.get $p)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $s (f64.load (i32.add (local.get $scores) (local.get $at))))
        (if (f64.eq (local.get $s) (local.get $s)) (then
          (if (f64.ne (f64.load (i32.add (local.get $shift) (local.get $at))) (f64.load (i32.add (local.get $shift) (local.get $at))))
            (then (f64.store (i32.add (local.get $shift) (local.get $at)) (local.get $s))))
          (if (f64.lt (local.get $s) (f64.load (i32.add (local.get $minimum) (local.get $at))))
            (then (f64.store (i32.add (local.get $minimum) (local.get $at)) (local.get $s))))
          (if (f64.gt (local.get $s) (f64.load (i32.add (local.get $maximum) (local.get $at))))
            (then (f64.store (i32.add (local.get $maximum) (local.get $at)) (local.get $s))))
          (local.set $l (i32.add (local.get $layout) (i32.shl (local.get $i) (i32.const 5))))
          (local.set $b (f64.floor (f64.div (f64.sub (local.get $s) (f64.load (local.get $l))) (f64.load offset=8 (local.get $l)))))
          (local.set $bins (f64.load offset=16 (local.get $l)))
          (local.set $b (select (f64.const 0)
            (select (f64.sub (local.get $bins) (f64.const 1)) (local.get $b) (f64.ge (local.get $b) (local.get $bins)))
            (f64.lt (local.get $b) (f64.const 0))))
          (local.set $c (i32.add (i32.trunc_sat_f64_u (f64.load offset=24 (local.get $l)))
            (i32.shl (i32.trunc_sat_f64_u (local.get $b)) (i32.const 3))))
          (f64.store (local.get $c) (f64.add (f64.load (local.get $c)) (f64.const 1)))))
        (f64.store (i32.add (local.get $y) (local.get $at))
          (f64.sub (local.get $s) (f64.load (i32.add (local.get $shift) (local.get $at)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scale)))
      (call $pairwiseAdd (local.get $p) (local.get $y) (local.get $single) (local.get $pairs))
      (local.set $scores (i32.add (local.get $scores) (i32.shl (local.get $p) (i32.const 3))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )
)
