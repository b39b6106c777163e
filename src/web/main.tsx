// The browser app's entry: Designsystemet's styles and theme, then the shell.
import '@digdir/designsystemet-css'
import '@digdir/designsystemet-theme/digdir.css'
// form-js's own styles, here because stylesheets of pages loaded later are not loaded by themselves.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css'
import './styles.css'
import 'bpmn-js/dist/assets/diagram-js.css'
import './pages/intake/pages.css'
import './pages/cases/cases.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.js'
import { SessionProvider } from './session.js'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
)
