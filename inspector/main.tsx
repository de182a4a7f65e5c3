/** The history inspector page: see and steer a document's history (served at /inspect). */
import { createRoot } from 'react-dom/client'
import { App } from './app.js'

createRoot(document.getElementById('root')!).render(<App />)
