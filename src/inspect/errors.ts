// The errors are shared vocabulary and live in core; this name is kept for older imports.
export * from '../core/errors.js';
