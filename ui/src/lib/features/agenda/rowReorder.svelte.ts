// Row selection, Alt+arrow moves and drag and drop on the agenda table, delegated from its body:
// one set of listeners for all rows, each row found by its `data-item-id`.
import { dropPosition } from '../../agendaTimes';

export interface RowReorderActions {
  /** Where the item with this id stands now (-1 if it is gone). */
  indexOf: (id: string) => number;
  /** A row was clicked, focused or picked up. */
  select: (id: string) => void;
  /** Alt+ArrowUp/ArrowDown on a row; `focusKey` is the test id of the focused control. */
  step: (index: number, dir: -1 | 1, focusKey: string | null) => void;
  /** A dragged row was dropped so that it should stand at `position`. */
  move: (id: string, position: number) => void;
}

export class RowReorder {
  /** The item being dragged. */
  dragId = $state<string | null>(null);
  /** The row the dragged one would land next to, and on which side. */
  dropAt = $state<{ id: string; after: boolean } | null>(null);

  isDropBefore(id: string): boolean {
    return this.dropAt?.id === id && !this.dropAt.after;
  }

  isDropAfter(id: string): boolean {
    return this.dropAt?.id === id && this.dropAt.after;
  }

  /** Listens on the table body; returns what removes the listeners. */
  attach(el: HTMLElement, actions: RowReorderActions): () => void {
    const rowOf = (e: Event): { tr: HTMLElement; id: string; index: number } | null => {
      const tr = (e.target as HTMLElement | null)?.closest<HTMLElement>('tr[data-item-id]');
      const id = tr?.dataset.itemId;
      if (!tr || !id) return null;
      return { tr, id, index: actions.indexOf(id) };
    };
    const select = (e: Event) => {
      const r = rowOf(e);
      if (r) actions.select(r.id);
    };
    const keydown = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const r = rowOf(e);
      if (!r || r.index < 0) return;
      e.preventDefault();
      const key = (document.activeElement as HTMLElement | null)?.dataset.testid ?? null;
      actions.step(r.index, e.key === 'ArrowUp' ? -1 : 1, key);
    };
    const dragstart = (e: DragEvent) => {
      const r = rowOf(e);
      if (!r || !(e.target as HTMLElement).classList.contains('grip')) return;
      this.dragId = r.id;
      actions.select(r.id);
      e.dataTransfer?.setData('text/plain', r.id);
      if (e.dataTransfer) {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setDragImage(r.tr, 16, 16);
      }
    };
    const dragover = (e: DragEvent) => {
      const r = rowOf(e);
      if (!this.dragId || !r) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      const box = r.tr.getBoundingClientRect();
      this.dropAt = { id: r.id, after: e.clientY > box.top + box.height / 2 };
    };
    const drop = (e: DragEvent) => {
      const r = rowOf(e);
      const id = this.dragId;
      const after = this.dropAt?.after ?? false;
      dragend();
      if (!id || !r) return;
      e.preventDefault();
      const from = actions.indexOf(id);
      const to = dropPosition(from, r.index, after);
      if (from >= 0 && to !== from) actions.move(id, to);
    };
    const dragend = () => {
      this.dragId = null;
      this.dropAt = null;
    };
    const listeners = [
      ['mousedown', select],
      ['focusin', select],
      ['keydown', keydown],
      ['dragstart', dragstart],
      ['dragover', dragover],
      ['drop', drop],
      ['dragend', dragend],
    ] as [string, EventListener][];
    for (const [type, fn] of listeners) el.addEventListener(type, fn);
    return () => {
      for (const [type, fn] of listeners) el.removeEventListener(type, fn);
    };
  }
}
