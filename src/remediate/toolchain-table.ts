/**
 * Which Python minor versions actions/setup-python can install on each GitHub-hosted Ubuntu x64
 * image: builds come from actions/python-versions (versions-manifest.json) per image, and a
 * version missing there fails with "The version 'X' with architecture 'x64' was not found for
 * Ubuntu NN.NN". Facts, as of 2025-11:
 * - ubuntu-24.04 has no 3.7 (actions/setup-python#962, 2024-10) and got 3.8 (latest patch only)
 *   in 2024-07 (actions/setup-python#879); 3.9 and later are built for it.
 * - ubuntu-22.04 has 3.7 (projects pinned it for 3.7: mwclient/mwclient#368,
 *   galaxyproject/galaxy#18959, getsentry/sentry-python#3915); 3.8 only from 3.8.12
 *   (openfoodfoundation/ofn-install#877); no 2.7 or 3.6 (actions/setup-python#543).
 * - ubuntu-20.04, the last image with 2.7 and 3.6, was removed on 2025-04-15
 *   (actions/runner-images#11101), so those versions have no hosted image left.
 * Newest image first. `until` is when GitHub is expected to drop the image: it keeps the two
 * newest Ubuntu LTS images (actions/runner-images#11101), so 22.04 goes when 26.04 is GA.
 */
export interface ImagePythons {
  image: string
  /** The label that pins this image. */
  label: string
  /** Lowest minor built for it (inclusive); everything newer up to the current release is. */
  minMinor: [number, number]
  until: string
}

export const PYTHON_IMAGES: readonly ImagePythons[] = [
  { image: 'ubuntu-24.04', label: 'ubuntu-24.04', minMinor: [3, 8], until: 'the next Ubuntu LTS image after 26.04' },
  { image: 'ubuntu-22.04', label: 'ubuntu-22.04', minMinor: [3, 7], until: 'the Ubuntu 26.04 image becomes generally available' }
]

export const PYTHON_TABLE_SOURCES =
  'actions/setup-python#962, #879 and #543; actions/python-versions versions-manifest.json; actions/runner-images#11101'

const VERSION = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,3}))?$/

export interface PythonVersion {
  text: string
  major: number
  minor: number
  patch: number | null
}

export function parsePythonVersion(text: string): PythonVersion | null {
  const m = VERSION.exec(text.trim())
  if (!m) return null
  return { text: text.trim(), major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) }
}

export function imageHasMinor(image: ImagePythons, version: PythonVersion): boolean {
  const [major, minor] = image.minMinor
  return version.major === major ? version.minor >= minor : version.major > major
}

export function pythonImage(image: string): ImagePythons | null {
  return PYTHON_IMAGES.find((entry) => entry.image === image) ?? null
}
