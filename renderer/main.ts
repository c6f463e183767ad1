import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'

const target = document.getElementById('app')
if (!target) throw new Error('main: index.html has no #app element')
if (typeof window.broadsheet === 'object' && window.broadsheet !== null) {
  mount(App, { target })
} else {
  // Without the preload's API there is nothing to show; say so instead of failing blank.
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.style.padding = '2rem'
  message.textContent = 'Broadsheet could not reach its library service. Please restart the app.'
  target.replaceChildren(message)
}
