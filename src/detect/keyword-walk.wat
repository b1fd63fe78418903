;; The keyword automaton's scan loop (src/detect/keywords.ts), as WebAssembly. V8 compiles this
;; to a loop without bounds checks or type guards, where the same loop in JavaScript checks every
;; typed-array index; and it walks four lanes (quarters of the file) at once where the JavaScript
;; loop walks two: 1.7 against 0.40-0.55 GB/s on one core of the 2-core bench machine. The host (keyword-walk.ts) copies a file's bytes into this
;; module's memory a window at a time; this loop only steps the automaton.
;;
;; scripts/build-wasm.mjs compiles this file into src/detect/keyword-walk.wasm.ts (a test checks
;; that the two agree).
;;
;; Memory, given by the host (byte offsets; the host sets the globals once per automaton):
;;   [0, 256)       byte -> its class, times 2 (u8): classes index the rows of the table below
;;   [256, ...)     transitions (u16): the next state's row start, as a byte offset from 256,
;;                  shifted right by $shift - 1 (the JavaScript table's entries, unchanged)
;;   $checks        per accepting state, by byte offset past $accept: the case check (u16; low
;;                  byte: a letter as written, high byte: how far before the hit it lies; 0: none)
;;   $pending       hits noted, u32 pairs: (state's row as the JavaScript table numbers it, position)
;;   $lanes         the four lanes' state between calls, i32: a, pa, b, pb, c, pc, d, pd (state,
;;                  address)
;; A lane's state is its row start as a byte offset; an address points into the window the host
;; copied the lane's bytes to, with at least 255 bytes of the file before it (for the case check).
(module
  (import "env" "memory" (memory 1))
  (global $shift (export "shift") (mut i32) (i32.const 0))
  (global $accept (export "accept") (mut i32) (i32.const 0))
  (global $checks (export "checks") (mut i32) (i32.const 0))
  (global $pending (export "pending") (mut i32) (i32.const 0))
  (global $lanes (export "lanes") (mut i32) (i32.const 0))

  ;; One lane's step ended in state $s at address $p: when that state is accepting, lies below
  ;; the lane's limit (unsigned: -1 is none) and passes its case check (the keyword's first letter
  ;; as written, for a state whose one keyword is case-sensitive), the hit is noted as entry $k
  ;; (counted in u32s): the state's row as JavaScript numbers it, and its position (the address
  ;; less $bias). Returns the entries noted.
  (func $hit (param $k i32) (param $s i32) (param $p i32) (param $lim i32) (param $bias i32) (result i32)
    (local $check i32) (local $at i32)
    (if (i32.lt_u (local.get $s) (global.get $accept)) (then (return (local.get $k))))
    (if (i32.ge_u (local.get $p) (local.get $lim)) (then (return (local.get $k))))
    (local.set $check
      (i32.load16_u (i32.add (global.get $checks) (i32.sub (local.get $s) (global.get $accept)))))
    (if (i32.and
          (i32.ne (local.get $check) (i32.const 0))
          (i32.ne
            (i32.load8_u (i32.sub (local.get $p) (i32.shr_u (local.get $check) (i32.const 8))))
            (i32.and (local.get $check) (i32.const 255))))
      (then (return (local.get $k))))
    (local.set $at (i32.add (global.get $pending) (i32.shl (local.get $k) (i32.const 2))))
    (i32.store (local.get $at) (i32.shr_u (local.get $s) (i32.const 1)))
    (i32.store offset=4 (local.get $at) (i32.sub (local.get $p) (local.get $bias)))
    (i32.add (local.get $k) (i32.const 2)))

  ;; Steps the four lanes $steps bytes, or until more than $room u32s of hits are noted; returns
  ;; how many u32s it noted. Lanes a, b and c note hits only below their limits. Each step waits
  ;; on its own lane's previous state only, so the processor overlaps the four.
  (func (export "walk4")
    (param $steps i32) (param $limA i32) (param $limB i32) (param $limC i32)
    (param $biasA i32) (param $biasB i32) (param $biasC i32) (param $biasD i32) (param $room i32)
    (result i32)
    (local $a i32) (local $pa i32) (local $b i32) (local $pb i32)
    (local $c i32) (local $pc i32) (local $d i32) (local $pd i32)
    (local $end i32) (local $k i32) (local $shift i32) (local $accept i32)
    (local.set $a (i32.load (global.get $lanes)))
    (local.set $pa (i32.load offset=4 (global.get $lanes)))
    (local.set $b (i32.load offset=8 (global.get $lanes)))
    (local.set $pb (i32.load offset=12 (global.get $lanes)))
    (local.set $c (i32.load offset=16 (global.get $lanes)))
    (local.set $pc (i32.load offset=20 (global.get $lanes)))
    (local.set $d (i32.load offset=24 (global.get $lanes)))
    (local.set $pd (i32.load offset=28 (global.get $lanes)))
    (local.set $shift (global.get $shift))
    (local.set $accept (global.get $accept))
    (local.set $end (i32.add (local.get $pd) (local.get $steps)))
    (block $done
      (br_if $done (i32.ge_u (local.get $pd) (local.get $end)))
      (loop $step
        (local.set $a (i32.shl (i32.load16_u offset=256
          (i32.add (local.get $a) (i32.load8_u (i32.load8_u (local.get $pa))))) (local.get $shift)))
        (local.set $b (i32.shl (i32.load16_u offset=256
          (i32.add (local.get $b) (i32.load8_u (i32.load8_u (local.get $pb))))) (local.get $shift)))
        (local.set $c (i32.shl (i32.load16_u offset=256
          (i32.add (local.get $c) (i32.load8_u (i32.load8_u (local.get $pc))))) (local.get $shift)))
        (local.set $d (i32.shl (i32.load16_u offset=256
          (i32.add (local.get $d) (i32.load8_u (i32.load8_u (local.get $pd))))) (local.get $shift)))
        ;; Rare: a keyword ends here (accepting states are numbered last: one comparison tells).
        (if (i32.ge_u (local.get $a) (local.get $accept))
          (then (local.set $k (call $hit (local.get $k) (local.get $a) (local.get $pa) (local.get $limA) (local.get $biasA)))))
        (if (i32.ge_u (local.get $b) (local.get $accept))
          (then (local.set $k (call $hit (local.get $k) (local.get $b) (local.get $pb) (local.get $limB) (local.get $biasB)))))
        (if (i32.ge_u (local.get $c) (local.get $accept))
          (then (local.set $k (call $hit (local.get $k) (local.get $c) (local.get $pc) (local.get $limC) (local.get $biasC)))))
        (if (i32.ge_u (local.get $d) (local.get $accept))
          (then (local.set $k (call $hit (local.get $k) (local.get $d) (local.get $pd) (i32.const -1) (local.get $biasD)))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 1)))
        (local.set $pb (i32.add (local.get $pb) (i32.const 1)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (local.set $pd (i32.add (local.get $pd) (i32.const 1)))
        (br_if $done (i32.gt_u (local.get $k) (local.get $room)))
        (br_if $step (i32.lt_u (local.get $pd) (local.get $end)))))
    (i32.store (global.get $lanes) (local.get $a))
    (i32.store offset=4 (global.get $lanes) (local.get $pa))
    (i32.store offset=8 (global.get $lanes) (local.get $b))
    (i32.store offset=12 (global.get $lanes) (local.get $pb))
    (i32.store offset=16 (global.get $lanes) (local.get $c))
    (i32.store offset=20 (global.get $lanes) (local.get $pc))
    (i32.store offset=24 (global.get $lanes) (local.get $d))
    (i32.store offset=28 (global.get $lanes) (local.get $pd))
    (local.get $k))

  ;; Lane a alone (a lane's last bytes, past where the next lane starts), as walk4 steps it.
  (func (export "walk1") (param $steps i32) (param $limA i32) (param $biasA i32) (param $room i32)
    (result i32)
    (local $a i32) (local $pa i32) (local $end i32) (local $k i32) (local $shift i32)
    (local.set $a (i32.load (global.get $lanes)))
    (local.set $pa (i32.load offset=4 (global.get $lanes)))
    (local.set $shift (global.get $shift))
    (local.set $end (i32.add (local.get $pa) (local.get $steps)))
    (block $done
      (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
      (loop $step
        (local.set $a (i32.shl (i32.load16_u offset=256
          (i32.add (local.get $a) (i32.load8_u (i32.load8_u (local.get $pa))))) (local.get $shift)))
        (local.set $k (call $hit (local.get $k) (local.get $a) (local.get $pa) (local.get $limA) (local.get $biasA)))
        (local.set $pa (i32.add (local.get $pa) (i32.const 1)))
        (br_if $done (i32.gt_u (local.get $k) (local.get $room)))
        (br_if $step (i32.lt_u (local.get $pa) (local.get $end)))))
    (i32.store (global.get $lanes) (local.get $a))
    (i32.store offset=4 (global.get $lanes) (local.get $pa))
    (local.get $k))
)
