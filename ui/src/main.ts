import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { i18n } from './lib/locale.svelte';
import { replayJournal, type Unwritten } from './lib/save/replay';
import UnwrittenNotice from './lib/save/UnwrittenNotice.svelte';

document.documentElement.lang = i18n.locale;

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
const root = target;

// What a killed window left typed is written to the record before any screen reads it.
async function start() {
  let unwritten: Unwritten[] = [];
  try {
    unwritten = await replayJournal();
  } catch (e) {
    console.error('replaying the typing journal failed', e);
  }
  mount(App, { target: root });
  if (unwritten.length > 0) {
    const notice = document.createElement('div');
    document.body.append(notice);
    mount(UnwrittenNotice, { target: notice, props: { unwritten } });
  }
}

void start();
