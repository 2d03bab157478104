/**
 * What the package build knows about this build. `npm run build` rewrites the compiled form of this
 * module (dist/src/build-info.js, see src/build/write-build-info.ts) with the real values; a bundle
 * of the tool inlines it like any other module, so nothing is read from disk to learn them.
 *
 * A compile by `tsc` alone leaves these placeholders: without a build id no cache is used (a cache
 * keyed by an unknown build could hold what older code produced), and the version is read from
 * package.json.
 */

/** A hash of the compiled code of this build (the files of dist/src). */
export const BUILD_ID: string | undefined = undefined;

/** The package version this build was made from. */
export const VERSION: string | undefined = undefined;
