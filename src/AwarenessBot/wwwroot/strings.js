// Page text in English and French. Draft (2026-11-28); the French is a draft translation awaiting review.
// No service name, number or address is typed here: {service_id.field} placeholders are filled from the service
// directory (seeds/services/), which the server puts in the page (the "services" data block). Fields: name (text),
// phone (a tap-to-call link), text (a text-message link), web (a link labelled with the service's name).
// A text is a sentence or a list of sentences; a sentence may list alternatives: the first whose services are all
// in the directory is shown, and a sentence with none is left out, so a missing service never leaves a gap or a
// typed number behind. Keep a last alternative without placeholders wherever the sentence must not disappear.
'use strict';

window.SafeChatStrings = Object.freeze({
  en: {
    locale: 'en-US',
    botCommand: 'English',
    skip: 'Skip to the chat',
    brand: 'Safe Chat',
    quickExit: 'Quick exit',
    quickExitHint: 'Leaves this page at once. You can also press the Escape key.',
    dangerTitle: [['In danger now? Call {ca_911.phone}.', 'In danger now? Call emergency services.']],
    title: "Questions about online safety, work or someone you're worried about?",
    subtitle: 'Chat anonymously. No account, no name needed. Available in English and French.',
    restart: 'Start a new chat',
    chatTitle: 'Chat',
    loading: 'Connecting…',
    safetyTitle: 'Using a shared phone or computer?',
    safety1: 'This chat disappears when you close the tab, reload, or stay inactive for a few minutes.',
    safety2: 'Quick exit (or the Escape key) leaves at once, but your browser history still shows this site: a private window leaves no history.',
    safety3: "Please don't share your name, address or other details that could identify you.",
    privacy: 'How we protect your privacy',
    footer: [
      ['In an emergency, call {ca_911.phone}.', 'In an emergency, call emergency services.'],
      'You are chatting with an automated assistant, not a person.',
    ],
    idleCleared: (minutes) => `The chat was cleared after ${minutes} minutes without activity, for your safety.`,
    connectionLost: 'The chat ended or the connection was lost. You can start a new chat.',
    connectFailed: 'The chat could not start. Please try again in a moment.',
    triage: {
      immediate_danger: [
        ['If you are not safe, call {ca_911.phone}.', 'If you are not safe, call emergency services.'],
        'The {ca_human_trafficking_hotline.name} is open 24/7: {ca_human_trafficking_hotline.phone}.',
      ],
      self_harm: [
        [
          'If you are thinking about suicide, call {ca_988.phone} or text {ca_988.text}, any time, day or night.',
          'If you are thinking about suicide, call {ca_988.phone}, any time, day or night.',
        ],
        'Young people can also call {ca_kids_help_phone.name}: {ca_kids_help_phone.phone}.',
      ],
      child_sexual_exploitation: [
        'If someone is pressuring you for images or threatening to share them, it is not your fault.',
        [
          'You can report it at {ca_cybertip.web} or by phone: {ca_cybertip.phone}.',
          'You can report it at {ca_cybertip.web}.',
          'You can report it to {ca_cybertip.name}: {ca_cybertip.phone}.',
        ],
        '{ca_needhelpnow.web} helps to get images taken down.',
      ],
      labour_exploitation: [
        '{ca_human_trafficking_hotline.name}, 24/7, in over 200 languages: {ca_human_trafficking_hotline.phone}.',
        'You can also call the {ca_tfw_tip_line.name}: {ca_tfw_tip_line.phone}.',
      ],
      other: 'The {ca_human_trafficking_hotline.name} is open 24/7: {ca_human_trafficking_hotline.phone}.',
    },
  },
  fr: {
    locale: 'fr-FR',
    botCommand: 'Français',
    skip: 'Aller au clavardage',
    brand: 'Clavardage sécuritaire',
    quickExit: 'Sortie rapide',
    quickExitHint: 'Quitte cette page immédiatement. Vous pouvez aussi appuyer sur la touche Échap.',
    dangerTitle: [['En danger maintenant? Composez le {ca_911.phone}.', 'En danger maintenant? Appelez les services d’urgence.']],
    title: 'Des questions sur la sécurité en ligne, le travail ou une personne qui vous inquiète?',
    subtitle: 'Clavardez de façon anonyme. Sans compte, sans nom. En français et en anglais.',
    restart: 'Commencer une nouvelle conversation',
    chatTitle: 'Clavardage',
    loading: 'Connexion…',
    safetyTitle: 'Vous utilisez un téléphone ou un ordinateur partagé?',
    safety1: "Cette conversation disparaît quand vous fermez l'onglet, rechargez la page ou restez inactif quelques minutes.",
    safety2: "La sortie rapide (ou la touche Échap) quitte immédiatement, mais l'historique du navigateur garde ce site : une fenêtre de navigation privée ne laisse pas d'historique.",
    safety3: "Ne partagez pas votre nom, votre adresse ou d'autres détails qui pourraient vous identifier.",
    privacy: 'Comment nous protégeons votre vie privée',
    footer: [
      ["En cas d'urgence, composez le {ca_911.phone}.", "En cas d'urgence, appelez les services d'urgence."],
      'Vous clavardez avec un assistant automatisé, pas avec une personne.',
    ],
    idleCleared: (minutes) => `La conversation a été effacée après ${minutes} minutes d'inactivité, pour votre sécurité.`,
    connectionLost: 'La conversation est terminée ou la connexion a été perdue. Vous pouvez en commencer une nouvelle.',
    connectFailed: 'La conversation n’a pas pu commencer. Veuillez réessayer dans un instant.',
    triage: {
      immediate_danger: [
        ['Si vous n’êtes pas en sécurité, composez le {ca_911.phone}.', 'Si vous n’êtes pas en sécurité, appelez les services d’urgence.'],
        '{ca_human_trafficking_hotline.name} : 24 h sur 24, 7 jours sur 7, {ca_human_trafficking_hotline.phone}.',
      ],
      self_harm: [
        [
          'Si vous pensez au suicide, appelez le {ca_988.phone} ou textez le {ca_988.text}, à toute heure du jour ou de la nuit.',
          'Si vous pensez au suicide, appelez le {ca_988.phone}, à toute heure du jour ou de la nuit.',
        ],
        'Les jeunes peuvent aussi appeler {ca_kids_help_phone.name} : {ca_kids_help_phone.phone}.',
      ],
      child_sexual_exploitation: [
        'Si quelqu’un vous pousse à envoyer des images ou menace de les partager, ce n’est pas votre faute.',
        [
          'Vous pouvez le signaler à {ca_cybertip.web} ou par téléphone : {ca_cybertip.phone}.',
          'Vous pouvez le signaler à {ca_cybertip.web}.',
          'Vous pouvez le signaler à {ca_cybertip.name} : {ca_cybertip.phone}.',
        ],
        '{ca_needhelpnow.web} aide à faire retirer les images.',
      ],
      labour_exploitation: [
        '{ca_human_trafficking_hotline.name} : 24 h sur 24, 7 jours sur 7, dans plus de 200 langues, {ca_human_trafficking_hotline.phone}.',
        'Vous pouvez aussi appeler la {ca_tfw_tip_line.name} : {ca_tfw_tip_line.phone}.',
      ],
      other: '{ca_human_trafficking_hotline.name} : 24 h sur 24, 7 jours sur 7, {ca_human_trafficking_hotline.phone}.',
    },
  },
});
