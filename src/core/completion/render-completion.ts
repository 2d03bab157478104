import type { CompletionShell, CompletionTree } from './completion-tree.js';
import { renderBash } from './render-bash.js';
import { renderFish } from './render-fish.js';
import { renderZsh } from './render-zsh.js';

const RENDERERS: Record<CompletionShell, (tree: CompletionTree) => string> = {
  bash: renderBash,
  zsh: renderZsh,
  fish: renderFish,
};

/** The completion script for one shell. */
export function renderCompletion(shell: CompletionShell, tree: CompletionTree): string {
  return RENDERERS[shell](tree);
}
