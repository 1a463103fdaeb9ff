// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, createStoredStore, useStore, type Store } from '../../renderer/src/services/store.js';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function Reader({ store, label }: { store: Store<number>; label: string }) {
  return <p data-testid={label}>{useStore(store)}</p>;
}

describe('the store helper', () => {
  it('gets what was set and tells each listener until it unsubscribes', () => {
    const store = createStore({ count: 0 });
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get().count));
    store.set({ count: 1 });
    store.set({ count: 2 });
    stop();
    store.set({ count: 3 });
    expect(seen).toEqual([1, 2]);
    expect(store.get()).toEqual({ count: 3 });
  });

  it('renders every component that reads it again when it is set, and none after unmounting', () => {
    const store = createStore(1);
    render(
      <>
        <Reader store={store} label="first" />
        <Reader store={store} label="second" />
      </>,
    );
    expect(screen.getByTestId('first').textContent).toBe('1');
    act(() => store.set(42));
    expect(screen.getByTestId('first').textContent).toBe('42');
    expect(screen.getByTestId('second').textContent).toBe('42');
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.get()));
    cleanup();
    store.set(7);
    // Only the test's own listener is left: the components unsubscribed when they went.
    expect(seen).toEqual([7]);
  });

  it('keeps a stored store in localStorage, read back by the next page, and falls back on what fails its check', () => {
    const isNumber = (value: unknown): value is number => typeof value === 'number';
    const zoom = createStoredStore('probe-zoom', isNumber, 100);
    expect(zoom.get()).toBe(100);
    zoom.set(125);
    expect(window.localStorage.getItem('seller-kb:probe-zoom')).toBe('125');
    expect(createStoredStore('probe-zoom', isNumber, 100).get()).toBe(125);
    window.localStorage.setItem('seller-kb:probe-zoom', '"large"');
    expect(createStoredStore('probe-zoom', isNumber, 100).get()).toBe(100);
    window.localStorage.setItem('seller-kb:probe-zoom', '{not json');
    expect(createStoredStore('probe-zoom', isNumber, 100).get()).toBe(100);
  });

  it('renders a stored store in a component like a plain one', () => {
    const store = createStoredStore('probe-count', (value: unknown): value is number => typeof value === 'number', 0);
    render(<Reader store={store} label="stored" />);
    act(() => store.set(5));
    expect(screen.getByTestId('stored').textContent).toBe('5');
  });
});
