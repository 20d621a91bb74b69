import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { i18n } from './lib/locale.svelte';

document.documentElement.lang = i18n.locale;

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
