import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_CATEGORIES } from '../../src/services/assistant/triggers/defaults.js';
import { firstMatch, tokens } from '../../src/services/assistant/triggers/phrases.js';
import { compileCategories, detectDissatisfaction, detectPersonRequest, detectSensitive, evaluateRules, sentencesOf, triggerBeforeAnswer } from '../../src/services/assistant/triggers/triggers.js';
import { ANSWERABLE, PERSON_REQUESTS, SENSITIVE } from '../fixtures/handoff/messages.js';
import { MORE_ANSWERABLE, MORE_PERSON_REQUESTS, MORE_SENSITIVE } from '../fixtures/handoff/more.js';

describe('a request for a person', () => {
  for (const [language, messages] of Object.entries(PERSON_REQUESTS)) {
    it.each(messages)(`is recognised in ${language}: %s`, (text) => {
      expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
      expect(detectSensitive(text)).toBeUndefined();
    });
  }
});

describe('a sensitive topic', () => {
  for (const [language, cases] of Object.entries(SENSITIVE)) {
    it.each(cases)(`is recognised in ${language}: %s → %s`, (text, category) => {
      expect(detectSensitive(text)).toMatchObject({ kind: 'sensitive', detail: category });
    });
  }
});

describe('an answerable question', () => {
  for (const [language, messages] of Object.entries(ANSWERABLE)) {
    it.each(messages)(`triggers nothing in ${language}: %s`, (text) => {
      expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
    });
  }
});

describe('the second set of messages', () => {
  it.each(MORE_PERSON_REQUESTS)('recognises a request for a person: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });
  it.each(MORE_SENSITIVE)('recognises a sensitive topic: %s → %s', (text, category) => {
    expect(detectSensitive(text)).toMatchObject({ detail: category });
  });
  it.each(MORE_ANSWERABLE)('leaves an answerable question alone: %s', (text) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
  });
});

describe('the classifier beside the phrase lists', () => {
  // These rest on the trained weights: after retraining, a case may need replacing with another
  // message that no phrase matches and the model hands off.
  it.each([
    ['Hello? Does anyone actually read this?', 'person_request'],
    ['Läser någon ens det här?', 'person_request'],
    ['I want the money for the unused months back', 'sensitive'],
  ])('catches what no phrase was written for: %s', (text, kind) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toMatchObject({ kind, evidence: expect.stringContaining('classifier') });
  });

  it.each([
    ['How do I record a chargeback in my books so the balance is right?', 'refund_chargeback'],
    ['After upgrading our self-hosted instance nobody can log in. Where is the auth config?', 'account_access'],
    ['How do I handle a GDPR erasure request from one of my customers?', 'data_protection'],
  ])('overrules a sensitive phrase on a question it is all but sure is ordinary: %s', (text, key) => {
    const category = compileCategories(DEFAULT_SENSITIVE_CATEGORIES).find((c) => c.key === key)!;
    expect(firstMatch(category.phrases, tokens(text))).toBeDefined();
    expect(detectSensitive(text)).toBeUndefined();
  });

  it('never overrules a phrase the operator wrote', () => {
    const categories = compileCategories(DEFAULT_SENSITIVE_CATEGORIES.map((c) => (c.key === 'refund_chargeback' ? { ...c, phrases: { en: ['chargeback'] } } : c)));
    expect(detectSensitive('How do I record a chargeback in my books so the balance is right?', categories)).toMatchObject({ detail: 'refund_chargeback' });
  });

  it.each([
    'I still have my phone but lost the recovery codes, how do I make new ones?',
    'Ik heb mijn telefoon nog, maar de herstelcodes ben ik kwijt',
    'Ich habe noch mein Handy, aber die Backup-Codes sind weg',
  ])('a visitor who still has the second factor has not lost it: %s', (text) => {
    expect(detectSensitive(text)?.detail).not.toBe('lost_2fa');
  });

  it.each([
    "I still haven't received my new phone, and the authenticator was on the old one. Please disable 2FA",
    "Je n'ai toujours pas mon téléphone et je n'ai plus les codes de secours",
    'No tengo mi teléfono todavía, me lo robaron y no tengo los códigos de recuperación',
    'Ik heb nog mijn telefoonnummer maar de telefoon met de authenticator is gestolen',
  ])('"still" with a negation, or a phone number, is the opposite: %s', (text) => {
    expect(detectSensitive(text)).toMatchObject({ detail: 'lost_2fa' });
  });

  it.each([
    'My phone broke but I saved the recovery codes when I set up 2FA, how do I move it to the new phone?',
    'I run it myself in Docker and after an upgrade the 2FA codes are rejected',
    'I run the self-hosted version. 2FA codes are rejected after the upgrade',
    'Since we moved to docker compose, my account is locked',
    'I might have generated a new secret in the .env. Now the 2FA codes are rejected',
    'We restored from a database dump and lost the old .env.production; now 2FA codes are rejected for everyone',
    'Self-hosted installation: the confirmation email never arrives, so I can’t log in',
    'Wir betreiben es selbst gehostet und nach dem Update ist mein Konto gesperrt',
  ])('a visitor with the recovery codes, or running the software themselves, is asking how: %s', (text) => {
    expect(detectSensitive(text)).toBeUndefined();
  });

  it.each([
    'I installed the authenticator on my new phone but the codes don’t work and I can’t log in',
    'I run a shop on my account and I am locked out',
    'Nach meiner Installation der App ist mein Konto gesperrt',
    'I checked the mail settings and my account is locked',
    'We use Docker Desktop at work and my account is locked',
    'We moved from self-hosting to your cloud last month. Now my account is locked.',
    'My account was suspended and I need a database dump of my data before you delete it',
    'Self-hosted? No. We use your cloud and my account is locked',
    'I lost my phone with the authenticator. I printed the backup codes but lost the paper.',
    'My phone was stolen. I have my backup codes but they don’t work',
    'Lost my phone. I kept my recovery codes on that same phone.',
  ])('a hosted customer, or codes that are gone, is still handed off: %s', (text) => {
    expect(detectSensitive(text)).toBeDefined();
  });

  it.each([
    'I should have printed the recovery codes, now my phone is gone and I cannot log in. Please disable 2FA',
    'dropped my phone in the sea, the 2fa app was on it and i dont have the backup codes anymore',
    'We are not self-hosted, we use your cloud, and my account is locked',
  ])('a guard undone by a negation or a loss is no guard: %s', (text) => {
    expect(detectSensitive(text)).toBeDefined();
  });

  it('matches a sensitive phrase within one sentence: a pasted error is no report of a break-in', () => {
    expect(detectSensitive('`railway init` fails with "Unauthorized. Please login with `railway login`". How do I log in from CI?')).toBeUndefined();
    expect(detectSensitive('There was an unauthorized login to my account last night')).toMatchObject({ detail: 'hacked_account' });
  });

  it.each([
    ["My services were taken down for a 'Terms of Service violation' and I have no idea why. Put them back online.", 'account_access'],
    ["An app hosted on your domain is impersonating our bank's login page. Take it down.", 'security_report'],
    ['Someone is running a phishing site on your platform that copies our shop', 'security_report'],
    ['someone made an account on your server pretending to be me and is messaging my friends', 'security_report'],
    ['You deleted my workspace without warning. That is unlawful and I will be pursuing it.', 'legal_threat'],
    ['An account on a server you host is sharing sexual images of children. Act now.', 'security_report'],
  ])('recognises a takedown by the company or abuse hosted on its service: %s', (text, detail) => {
    expect(detectSensitive(text)).toMatchObject({ detail });
  });

  it('takes asking how to take a conversation over for a how-to', () => {
    expect(detectPersonRequest('Comment prendre le relais d’une conversation dans la boîte de réception ?')).toBeUndefined();
    expect(detectPersonRequest('Comment un agent peut-il prendre le relais d’un collègue sur une conversation ?')).toBeUndefined();
  });

  it.each([
    'My draft was deleted for no reason',
    'Is cloning my website to a staging site possible?',
    'How do I protect my site hosted on your platform from phishing?',
    'How do I stop members from sharing images of children in our school gallery?',
  ])('takes no ordinary question for a takedown or a report: %s', (text) => {
    expect(detectSensitive(text)).toBeUndefined();
  });

  it('takes "no more links" as the visitor\'s, not their visitors\'', () => {
    expect(detectPersonRequest('How can my visitors talk to an agent? We dont want more links in the bot replies')).toBeUndefined();
  });

  it('takes a machine, not a person, from "can I get a …"', () => {
    expect(detectPersonRequest('It runs slowly for our support chatbot. Can I get a machine with a GPU for it?')).toBeUndefined();
    expect(detectPersonRequest('Can I get someone from support on the phone?')).toMatchObject({ kind: 'person_request' });
  });

  it('reads guards a sentence at a time', () => {
    expect(detectPersonRequest('We are evaluating a licence for ~300 users. Can somebody from your team reach out to me this week?')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('How can users reach somebody from our team in the widget?')).toBeUndefined();
  });

  it('guards a request by its own sentence, and never reads a request in quoted text', () => {
    expect(detectPersonRequest('The invite email never arrives for my colleague. I need an actual human to check the mail logs.')).toMatchObject({ kind: 'person_request' });
    // The guard in the same sentence still holds
    expect(detectPersonRequest('How do I let my colleague talk to a real person in our widget?')).toBeUndefined();
    // An error message that says "contact support" is what the visitor saw, not what they ask
    expect(detectPersonRequest('Webhooks fail with "Please contact support". What does it mean?')).toBeUndefined();
    expect(detectPersonRequest('The widget shows "Waiting for an agent…" forever. How do I change it?')).toBeUndefined();
    expect(detectPersonRequest('Webhooks fail. Please contact support for me, I need a real person.')).toMatchObject({ kind: 'person_request' });
    // A guard that was quoted still holds, and so does one an earlier sentence set up for "they"
    expect(detectPersonRequest("Under 'Escalation rules', how do I make it transfer to a live agent?")).toBeUndefined();
    expect(detectPersonRequest('Our customers use the widget. When they ask to speak to a human, where does it go?')).toBeUndefined();
    // An inch mark is not a quotation
    expect(detectPersonRequest('My colleague\'s 27" monitor shows nothing. I need an actual human to check this. The 24" one is fine.')).toMatchObject({ kind: 'person_request' });
  });

  it('keeps a request whose sentence quotes an error, and reads "they" only before the request', () => {
    expect(detectPersonRequest('Every page shows "User access denied". I need a real person to look at this.')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Unsere Kunden sehen das Widget nicht. Ich möchte mit einem Mitarbeiter sprechen, nicht mit dem Bot.')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('My users get error 500. I want to talk to a human about it and about the invoice he sent.')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Please show me how my teammates can forward it to whoever handles billing')).toBeUndefined();
  });

  it('reads "bot" as a word, not the start of "both"', () => {
    expect(detectPersonRequest("I'm not happy with both options, which plan fits a team of five?")).toBeUndefined();
    expect(detectPersonRequest('Je ne veux pas parler avec des bots')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('stop, I am done chatting with bots')).toMatchObject({ kind: 'person_request' });
  });

  it('takes a phone number as the company\'s only with words that ask for it', () => {
    expect(detectPersonRequest('Hvad er jeres telefonnummer?')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Gibt es eine Telefonnummer für den Support?')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Nogle kunder har ingen e-mail. Kan man bruge telefonnummer som nøgle i stedet?')).toBeUndefined();
    expect(detectPersonRequest('Kann ich die Telefonnummer als Schlüssel für den Import verwenden?')).toBeUndefined();
    expect(detectPersonRequest('Gibt es eine Möglichkeit, die Telefonnummer zu importieren?')).toBeUndefined();
    expect(detectPersonRequest('Hvordan tilføjer jeg et telefonnummer til en kunde?')).toBeUndefined();
    expect(detectPersonRequest('Hur lägger jag till ett telefonnummer på en kontakt?')).toBeUndefined();
    expect(detectPersonRequest('Har ni något telefonnummer?')).toMatchObject({ kind: 'person_request' });
    // The visitor's own customers' numbers, asked as a field of a form
    expect(detectPersonRequest('Hoe voeg ik een verplichte vraag toe aan het formulier, bijvoorbeeld het telefoonnummer van de klant?')).toBeUndefined();
    expect(detectPersonRequest('How do I ask for the phone number of each attendee on the booking page?')).toBeUndefined();
    expect(detectPersonRequest('Mag ik het telefoonnummer van de klantenservice?')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('What is the phone number of the customer service?')).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    "I'll wait for a human, thanks",
    'Does your support do calls or only email?',
    'Is there a sales rep for the Nordics?',
    'The worker keeps restarting with OOM. Is there an engineer I could send the logs to?',
    '¿Puede un desarrollador revisar mi caso?',
    'We are moving 40 people to the Fleet plan. Could you pass this to whoever handles onboarding so they can set up a call with our IT lead?',
  ])('asks for a person: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    ["I'm a security researcher and would like to responsibly disclose an issue with your login", 'security_report'],
    ["Your API returns other tenants' user emails if you pass a negative page number", 'security_report'],
    ["There are invoices from a company I've never heard of showing up in my account", 'security_report'],
    ['In mijn account zie ik ineens facturen van een ander bedrijf staan.', 'security_report'],
    ['A former employee still has access to our finance data and refuses to give it back', 'account_access'],
    ['Our only admin is on long-term sick leave and unreachable', 'account_access'],
    ['The previous IT manager set it up with his own email. Can you make me the owner?', 'account_access'],
    ["Notre ancien gérant avait le seul compte administrateur et il ne répond plus.", 'account_access'],
    ['Wieso sehe ich Rechnungen anderer Kunden in meinem Konto?', 'security_report'],
    ['I found a security vulnerability. How can I show it to you without exposing other users?', 'security_report'],
    ["The API lists other tenants' users", 'security_report'],
    ['Our only admin left the company and we are locked out. What if the former admin never replies?', 'account_access'],
  ])('is sensitive: %s (%s)', (text, category) => {
    expect(detectSensitive(text)).toMatchObject({ detail: category });
  });

  it.each([
    'How do I import tasks from another company account?',
    'How do I make an admin the owner of a project?',
    'How do I remove a former employee from our workspace?',
    'How do I remove a former employee who still has access?',
    'If the only admin is unreachable, who can approve requests?',
    'I manage two businesses. How do I see transactions from another company in the consolidated report?',
    'Hoe zie ik facturen van een andere klant in mijn boekhouding?',
    'How do I set a reminder to wait for a person to reply to a task?',
    'Is there a sales rep field on the deal record?',
    'Is there a salesperson report for my team?',
    'Does your Team plan offer video calls?',
    '¿Cómo asigno una tarea a alguien de su equipo?',
    'Do you have a salesperson role for commission tracking?',
    'How do I forward this to whoever is assigned to the ticket?',
    '¿Puede un agente atender varios chats a la vez?',
    'Can your agents make calls from the helpdesk app?',
  ])('stays a how-to: %s', (text) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
  });

  it('holds a policy question in its own sentence only', () => {
    // A question about a bug bounty is a question; a flaw reported beside it is a report.
    expect(detectSensitive('Do you run a bug bounty programme?')).toBeUndefined();
    expect(detectSensitive('Do you run a bug bounty? I found a way to bypass two-factor by reusing an old session.')).toMatchObject({ detail: 'security_report' });
    // The impersonal "man" asks for the refund policy; "mine penge" beside it is the visitor's money.
    expect(detectSensitive('Kan man få pengene tilbage, hvis man opsiger før tid?')).toBeUndefined();
    expect(detectSensitive('Kan man få pengene tilbage? Jeg vil have mine penge tilbage nu.')).toMatchObject({ detail: 'refund_chargeback' });
  });

  it.each([
    'I reported this in two tickets and it was never escalated, I want to talk to a human now',
    'Every agent I talked to gave me a different answer, I want to speak to a supervisor',
    'I asked support for a callback yesterday and nobody called, please call me back today',
    'Necesito hablar con una persona, llámenme a mi teléfono',
    "who's our customer success manager and how do I reach them?",
    'Can I chat with a technician rather than the assistant?',
  ])('a guard for a how-to leaves a real request alone: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    ['Please delete all my personal data under GDPR, including the test accounts we created', 'data_protection'],
    ['Delete all my data now. We only used sample data anyway.', 'data_protection'],
    ["I'm the admin and our workspace was suspended without warning", 'account_access'],
    ["I'm the only admin and my authenticator app is gone, and so are the recovery codes", 'lost_2fa'],
    ['Ich will mein Geld zurück, wie kann man das beantragen', 'refund_chargeback'],
    ['Un de vos commerciaux m’envoie des messages insistants depuis que j’ai résilié.', 'security_report'],
    ['We paid the invoice last week but the instance is still read-only', 'billing_dispute'],
    ["I'm the admin and my phone broke, the authenticator was on it", 'lost_2fa'],
    ["I'm the admin and cannot sign in since the update", 'account_access'],
    ['Our staff receive their codes fine, but the phone I used for 2FA was stolen', 'lost_2fa'],
    ['Onze medewerkers krijgen een foutmelding en ik kan ook niet inloggen', 'account_access'],
    ['My membership got suspended and I get an error when I log in', 'account_access'],
  ])('a guard for a how-to leaves a real sensitive message alone: %s (%s)', (text, category) => {
    expect(detectSensitive(text)).toMatchObject({ detail: category });
  });

  it.each([
    'Wie kann ich beleidigende Kommentare automatisch ausblenden?',
    '¿El informe muestra datos de otros usuarios del equipo?',
    'Which endpoint returns the session token after login?',
    "How do I leave a workspace that isn't mine?",
    'How do I forward an email meant for another user in the shared inbox?',
    'The scanner says this is a vulnerability but it is a false positive, how do I ignore it?',
    'How do I report content that infringes my copyright on my forum?',
    'Kan jeg flytte ejerskabet af en mappe til en anden bruger?',
    'Is the whole history in your app searchable, including chats?',
    'Who in your team can see the chats we store?',
    'In the deal view, how do I show who is our account manager for each customer?',
    "Comment empêcher une personne de l'équipe de voir les contacts ?",
    'Hoe zie ik welke medewerker aan de telefoon is?',
    'Kan jeg få fat i en liste som kan eksporteres til Excel?',
    'The SAML callback URL returns a 404 after the upgrade',
    'A teacher locked a student out of a quiz, how do I let her continue?',
    'As the admin, how do I reset MFA for a user who replaced their phone?',
    'Our LDAP users cannot log in since this morning, the bind fails',
    'Wie setze ich die 2FA für einen Mitarbeiter zurück, der sein Handy verloren hat?',
    '¿Cómo desbloqueo la cuenta bloqueada de un empleado?',
    'Some users get "account disabled" though they are enabled in AD, is my LDAP filter wrong?',
    'In our helpdesk, can a rule assign the chat when a customer writes "I want a human"?',
  ])('stays a question for the documentation: %s', (text) => {
    expect(detectPersonRequest(text) ?? detectSensitive(text)).toBeUndefined();
  });

  it('takes an admin managing other people\'s accounts for a how-to, unless locked out too', () => {
    expect(detectSensitive('A colleague left last week. I want to deactivate his account and log him out everywhere, how?')).toBeUndefined();
    expect(detectSensitive("The only admin of our project left. I'm the instance admin, can I make myself project admin?")).toBeUndefined();
    expect(detectSensitive("The only admin of our project left and I can't log in either, though I'm the instance admin")).toMatchObject({ detail: 'account_access' });
    expect(detectSensitive('My account says disabled, but I am the administrator')).toMatchObject({ detail: 'account_access' });
    expect(detectSensitive('Comment lister les comptes désactivés du serveur ?')).toBeUndefined();
    expect(detectSensitive('Mon compte est désactivé depuis hier')).toMatchObject({ detail: 'account_access' });
  });

  it('takes the operator of an installation for its administrator, not for a customer of ours', () => {
    // A legal notice received, as the one who runs the service: the lawyer is someone else's
    expect(detectSensitive('I run a small forum instance and just got a DMCA takedown notice about a post one of our users made. How do I hide it?')).toBeUndefined();
    expect(detectSensitive('Wir haben eine Abmahnung wegen eines Fotos bekommen, das ein Mitglied hochgeladen hat. Wie sperre ich das Bild?')).toBeUndefined();
    expect(detectSensitive('Nos llegó una carta de un abogado por un repositorio de un usuario. ¿Cómo lo bloqueo?')).toBeUndefined();
    // The company's own lawyer, or a threat, still is one
    expect(detectSensitive('I got a letter from your lawyer about my unpaid invoice and I dispute it.')).toMatchObject({ kind: 'sensitive' });
    expect(detectSensitive('My lawyer will be in touch about the data you lost.')).toMatchObject({ detail: 'legal_threat' });
    // A break-in or a personal-data request on the visitor's own installation
    expect(detectSensitive('Bei uns läuft die App auf einem Raspberry Pi und im Log stehen fehlgeschlagene Anmeldeversuche. Wurden wir gehackt?')).toBeUndefined();
    expect(detectSensitive('Tenemos la app instalada en nuestro servidor y un cliente pide, según el RGPD, que borremos sus datos. ¿Cómo?')).toBeUndefined();
    expect(detectSensitive('I run a wiki instance for our club and lost access to the only admin account. Which cli command promotes another user?')).toBeUndefined();
    // "Our server" is also what a hosting company's customers call the one it runs for them
    expect(detectSensitive("Someone got into our server's admin account last night and changed the email address.")).toMatchObject({ detail: 'hacked_account' });
    expect(detectSensitive('I have SSH keys that still work, but I lost my security key and my recovery codes. How do I get back into my account?')).toMatchObject({ kind: 'sensitive' });
    expect(detectSensitive('Someone logged in via SSH and changed my account password, I never did that.')).toMatchObject({ kind: 'sensitive' });
    expect(detectSensitive('Mon compte a été piraté, le site est hébergé sur mon serveur chez vous.')).toMatchObject({ kind: 'sensitive' });
    expect(detectSensitive('Bei uns läuft seit heute nichts mehr: jemand hat unser Konto gehackt und das Passwort geändert.')).toMatchObject({ kind: 'sensitive' });
  });

  it.each([
    'I received the order damaged and my lawyer says I can sue for the costs.',
    'I got a letter from my lawyer today. We will take legal action unless the charges are reversed.',
    'I received an email from my attorney, we are preparing a lawsuit against the company.',
  ])('still reads a threat beside something received: %s', (text) => {
    expect(detectSensitive(text)).toMatchObject({ kind: 'sensitive' });
  });

  it.each([
    ['I found other shops\' invoices by changing the order ID in the URL. I want to report this privately before publishing.', 'en'],
    ['He visto que las URLs de descarga son predecibles. Me gustaría reportarlo de forma privada antes de publicar nada.', 'es'],
  ])('takes a finding to be reported privately for a security report: %s', (text) => {
    expect(detectSensitive(text)).toMatchObject({ detail: 'security_report' });
  });

  it.each([
    'LDAP sync still fails after 1000 users. Is there a developer who could look at my logs? I can send them privately.',
    'How can I share the report with my team before publishing it?',
    'Is there a way for employees to report the issue confidentially?',
    'Hoe kan ik een bestand delen dat privé blijft?',
    '¿Se puede enviar la factura de forma privada al cliente?',
    'Comment envoyer un message en privé à un membre ?',
  ])('does not take sharing in private for a security report: %s', (text) => {
    expect(detectSensitive(text)?.detail).not.toBe('security_report');
  });

  it('ends a sentence at a full stop before a small letter, except after an abbreviation or a short word', () => {
    expect(detectPersonRequest('I keep ending up in loops with the assistant. please escalate to human support.')).toMatchObject({ kind: 'person_request' });
    expect(sentencesOf('loops with the assistant. please escalate')).toHaveLength(2);
    expect(sentencesOf('the price incl. tax is wrong, approx. ten euros')).toHaveLength(1);
    expect(sentencesOf('Preis Inkl. mwst, e.g. users, Art. 15')).toHaveLength(1);
  });

  it('reads "is there a person of the team who can attend to me?" as a request (es)', () => {
    expect(detectPersonRequest('¿Hay alguna persona del equipo que me pueda atender?')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('¿Hay alguna persona en el equipo que pueda ver mis facturas?')).toBeUndefined();
  });

  it.each([
    'Notifications go to the admin instead of the person assigned to the case. How do I change that?',
    'Calls are routed to the queue instead of the agent who owns the account. Which setting does that?',
    'I would prefer that emails are sent to the team rather than to one person, is that possible?',
    'How do I assign a task to a person instead of a group?',
    'Can members sign in with their ID rather than an email, like other people do?',
  ])('reads no preference for a person where people are what the product routes to: %s', (text) => {
    expect(detectPersonRequest(text)).toBeUndefined();
  });

  it.each(["I'd rather talk to a human", 'I would prefer a real person', 'Preferably a person, not a bot'])('reads the visitor preferring a person: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it('reads no request in words of two sentences', () => {
    expect(detectPersonRequest('I need to reset the grades of one student without touching anyone else. Is there a per-user reset?')).toBeUndefined();
    expect(detectPersonRequest('Is there anyone else? I need help')).toMatchObject({ kind: 'person_request' });
  });

  it('reads sample data, a signed DPA and request buttons for what they are', () => {
    expect(detectSensitive('How do I wipe all the demo data before launch?')).toBeUndefined();
    expect(detectSensitive('Please delete all my data')).toMatchObject({ detail: 'data_protection' });
    expect(detectSensitive('We need a countersigned DPA from you this week')).toMatchObject({ detail: 'data_protection' });
    expect(detectSensitive('Do you sign a DPA?')).toBeUndefined();
    expect(detectSensitive('Wir brauchen einen unterschriebenen AVV von Ihnen.')).toMatchObject({ detail: 'data_protection' });
    expect(detectPersonRequest('Can I hide the talk to a human button on mobile?')).toBeUndefined();
    expect(detectPersonRequest('How many chats were escalated to an agent this week?')).toBeUndefined();
  });

  it.each([
    'Who on your team could I speak with about SSO?',
    "who's our account manager? we want to renew",
    'Could someone who knows the importer take a look at our failed job?',
    'Our webhook fails with a 403. It would be great if an engineer on your team could look into it.',
    'kann mich wer zurückrufen?',
    'kan jag få prata med nån som kan fakturering',
    'kan jeg få fat i en der ved noget om SSO?',
    'Is er iemand bij jullie die naar onze import kan kijken?',
    "Est-ce qu'une personne de votre équipe pourrait regarder notre import ?",
  ])('asks for one of theirs: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it('takes not wanting the assistant as a request, even where a guard word stands', () => {
    expect(detectPersonRequest("i don't want a bot answer. get me a real agent")).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('no more bot answers pls, connect me to support staff')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Our members see posts late. I don’t want more links, I want someone from your ops team to look at our instance.')).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    'Team members can see other users’ comments, how do I restrict that?',
    'We’re getting abusive comments on our community forum, how do I moderate them?',
    'Have you found any vulnerabilities in your last penetration test?',
    'Où trouver votre politique de divulgation des vulnérabilités ?',
    'Welche Schwachstellen wurden beim letzten Pentest gefunden?',
    "Could I see another user's files if I am an admin?",
  ])('a question about security or moderation features is not a report: %s', (text) => {
    expect(detectSensitive(text)).toBeUndefined();
  });

  it.each([
    'Ich habe ein Sicherheitsproblem gefunden',
    'Quelqu’un se fait passer pour moi sur votre plateforme',
    'I found a vulnerability in your permission system: users can see other customers’ invoices',
    "A patient could see another clinic's booking details when she opened the link in our reminder email.",
    'Someone keeps harassing me in the community, how do I block them?',
    'Jemand belästigt mich ständig, wie kann ich ihn blockieren?',
  ])('a report is one, in any language and whatever it asks after: %s', (text) => {
    expect(detectSensitive(text)).toMatchObject({ detail: 'security_report' });
  });

  it('never overrules a legal threat, a takeover or a lost second factor', () => {
    expect(detectSensitive('How do I disable two-factor, I lost my device')).toMatchObject({ detail: 'lost_2fa' });
    expect(detectSensitive('Take the note offline now or I will involve my lawyer.')).toMatchObject({ detail: 'legal_threat' });
  });

  it('does not overrule a phrase asking for a person, which it can read as a how-to', () => {
    expect(detectPersonRequest('How can I reach you by phone?')).toMatchObject({ kind: 'person_request' });
  });

  it('leaves a category the operator turned off alone', () => {
    const categories = compileCategories(DEFAULT_SENSITIVE_CATEGORIES.map((c) => ({ ...c, enabled: c.key !== 'billing_dispute' && c.key !== 'refund_chargeback' })));
    expect(detectSensitive('I want the money for the unused months back', categories)).toBeUndefined();
  });
});

describe('calls, hand-overs and complaints about the assistant', () => {
  it.each([
    'Could we schedule a video call with one of your engineers this week?',
    'Can we book a call with your support team?',
    'Wir möchten einen Anruf mit jemandem aus dem Support vereinbaren.',
    'Kan vi booke et opkald med en medarbejder?',
    'Podemos agendar una llamada con alguien de soporte?',
  ])('a call with one of the company’s people is a request for a person: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    'Can I speak to one of your product experts?',
    'Can I speak with one of your application engineers?',
    'Can I talk to a human? Put me through to one of your tier 2 agents',
    'I want to talk to a human, notify me when someone is assigned',
    'I’d like to talk to someone about switching to one of your plans',
  ])('a guard for the company’s things does not take its people: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it('a request to escalate stands beside "notify me when it is escalated"', () => {
    expect(detectPersonRequest('Please escalate this to a manager and notify me when it is escalated')).toMatchObject({ kind: 'person_request' });
  });

  it.each(['Which one of your products includes time tracking?', 'How do I get notified when a conversation is escalated?', 'We need a webhook when a ticket is escalated'])(
    'a question about the company’s things or an escalation setting is not a request: %s',
    (text) => expect(detectPersonRequest(text)).toBeUndefined(),
  );

  it('a guard for questions about the product’s own people features gives way when the message says the assistant itself is failing', () => {
    expect(detectPersonRequest('Can the bot hand conversations over to my team?')).toBeUndefined();
    expect(detectPersonRequest('Please hand this over to whoever is on shift, the bot answers aren’t cutting it.')).toMatchObject({ kind: 'person_request' });
    expect(detectPersonRequest('Transfer me to someone, the assistant keeps answering the wrong thing and it is useless')).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    'How do I schedule a meeting with a client in the calendar?',
    'How do I switch to someone else’s account on a shared computer?',
    'How do I cancel the second seat?',
    'Can you walk me through how to share my screen on a video call?',
    'How do I schedule a call with someone outside my organisation?',
    'Can I set up a phone call with your iOS app?',
    'Wie kann ich einen Anruf mit einem Kunden planen?',
    'Comment planifier un appel avec un client ?',
    '¿Cómo puedo programar una llamada con un cliente?',
    'Hur bokar jag ett samtal med en kund?',
    'As an admin, can I see another user’s dashboard?',
    'Can I freeze the account now and reactivate it in the summer?',
    'How do I refund the duplicate order in my shop?',
    'Can I get a login notification email when a new device signs in and nobody approved it?',
    'Our bot does not hand conversations to agents, the escalation rule is not working',
    'How do I let customers talk to a person? The widget setting does not help',
  ])('what a product does stays with the assistant: %s', (text) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
  });

  it.each([
    ['Please lock my account, someone logged in from a country none of us live in', 'hacked_account'],
    ['I see someone else’s invoices in my dashboard', 'data_protection'],
    ['Refund the double charge please', 'billing_dispute'],
  ])('the visitor’s own trouble is sensitive: %s → %s', (text, category) => {
    expect(detectSensitive(text)).toMatchObject({ detail: category });
  });
});

describe('payments wanted back, ownership handed over, leaks, and support agents by name', () => {
  it.each([
    ['I cancelled in March and was still charged in April. I want those payments back.', ['billing_dispute', 'refund_chargeback']],
    ['There is a debit on my statement from a company I have never heard of', ['billing_dispute']],
    ['Ich habe versehentlich zweimal gezahlt', ['billing_dispute']],
    ['Bitte erstatten Sie eine der beiden Zahlungen.', ['refund_chargeback']],
    ['Our admin left without handing over the login. Can you transfer the owner account to me?', ['account_access']],
    ['Kunnen jullie het eigenaarsaccount op mijn naam zetten?', ['account_access']],
    ['Did your service leak my bank credentials?', ['hacked_account']],
  ])('%s is sensitive (%s)', (text, categories) => {
    expect(categories).toContain(detectSensitive(text)?.detail);
  });

  it('"get me a support agent" asks for a person', () => {
    expect(detectPersonRequest('get me a support agent')).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    'Will I still be charged if I pause my plan?',
    'How do I get my deleted notes back?',
    'How do I transfer ownership of a project to a colleague?',
    'Does the app leak memory on Android?',
    'I have 4 recurring transactions which should add 4 bank transfers but they do not show up',
    'How do I get support for the API?',
  ])('a product question stays with the assistant: %s', (text) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
  });
});

describe('requests for a person written independently of the built-in lists', () => {
  it.each([
    'is there a number I can call?',
    'can somebody from support email me?',
    "I'd rather explain this to a person, it's kind of complicated",
    'Hello? Anybody there??',
    'can you open a support ticket for me',
    'can you pass this to a developer? the export endpoint returns 500 every time',
    "i dont want to chat with an AI, let me talk to staff",
    "Get me a human, the settings page doesn't work",
    'Can I talk to a person? The option does not work',
    'hvem skal jeg kontakte om det her?',
    'An wen kann ich mich damit wenden?',
    'Pouvez-vous ouvrir un ticket pour moi ?',
    '¿Puede alguien de vuestro equipo revisarlo?',
    'bij wie moet ik hiervoor zijn?',
    'Kan någon hos er kolla på det?',
  ])('asks for a person: %s', (text) => {
    expect(detectPersonRequest(text)).toMatchObject({ kind: 'person_request' });
  });

  it.each([
    ['you banned my account by mistake, please restore it', 'account_access'],
    ['Mein Account wurde gesperrt, obwohl ich nichts falsch gemacht habe', 'account_access'],
    ['El administrador ya no trabaja en la empresa y nadie puede acceder', 'account_access'],
    ['Löschen Sie bitte alle meine Daten', 'data_protection'],
    ['this is fraud, im contacting the FTC', 'legal_threat'],
  ])('is sensitive: %s → %s', (text, category) => {
    expect(detectSensitive(text)).toMatchObject({ detail: category });
  });

  it.each([
    'can I escalate tickets automatically after 24 hours',
    "what does the 'request a human' toggle in the widget settings do?",
    "how do I see a user's email in the admin panel?",
    'Hur länge sparar ni data efter att kontot stängts?',
    'I closed my account last year, can I reopen it?',
    'How do I give someone access?',
    'Vad händer om någon har raderat en uppgift?',
    'Kan ik meldingen voor mij uitzetten?',
    'Wenn ja, kann ich dann auch in Markdown schreiben?',
    'Comment joindre un fichier qui dépasse 10 Mo ?',
    'Qui peut écrire dans ce document ?',
    'Puis-je créer un dossier privé pour moi ?',
    '¿Nos pueden contactar los clientes por WhatsApp?',
    'Does the app show when someone is online?',
    "How do I send this to someone who doesn't have an account?",
    'How do I forward it to the team?',
    "l'app continue de prendre en compte les anciennes règles",
    'Kan jag fortsätta dra filer till mappen?',
    "How do I remove a former employee's access?",
    'Does the app contact my bank to import transactions?',
    'I need the feedback button back',
    'Have you got a guide on how to sell my products?',
    'How do you get my data from Trello?',
    'Can a blocked user see my profile?',
  ])('stays with the assistant: %s', (text) => {
    expect(triggerBeforeAnswer({ text, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 })).toBeUndefined();
  });
});

describe('evidence', () => {
  it('names the words that matched and the category', () => {
    expect(detectPersonRequest('Could I please speak with a real human?')).toEqual({ kind: 'person_request', evidence: '"speak with a real human"' });
    expect(detectSensitive('you charged me twice!')).toEqual({ kind: 'sensitive', detail: 'billing_dispute', evidence: 'Billing disputes: "charged me twice"' });
  });
});

describe('repeated dissatisfaction', () => {
  it('fires on the second "that didn\'t help", not the first', () => {
    expect(detectDissatisfaction("That didn't help")).toBe('didn t help');
    const ctx = { text: 'still not helpful', pageUrl: null, email: null, aiAnswersInRow: 2, negativeFeedback: 0 };
    expect(triggerBeforeAnswer({ ...ctx, dissatisfiedBefore: 0 })).toBeUndefined();
    expect(triggerBeforeAnswer({ ...ctx, dissatisfiedBefore: 1 })).toMatchObject({ kind: 'dissatisfied' });
    expect(detectDissatisfaction('Das hilft mir nicht')).toBeTruthy();
    expect(detectDissatisfaction('Thanks, that helped a lot')).toBeUndefined();
    // "not" and "help" as words, not the start of "notification" or "helpdesk"
    expect(detectDissatisfaction('There is no helpdesk widget on my page')).toBeUndefined();
    expect(detectDissatisfaction('Notification helpful?')).toBeUndefined();
    expect(detectDissatisfaction('not helpful at all')).toBeTruthy();
  });
});

describe('operator rules', () => {
  const base = { text: 'What does the enterprise plan cost?', pageUrl: 'https://shop.example/pricing', email: 'cto@bigcorp.com', aiAnswersInRow: 1, negativeFeedback: 0 };
  it('fire when every condition holds, with the conditions as evidence', () => {
    const rules = [{ name: 'Enterprise leads', enabled: true, phrases: ['enterprise'], pageUrlContains: '/pricing', emailDomains: ['bigcorp.com'] }];
    expect(evaluateRules(rules, base)).toEqual({ kind: 'rule', detail: 'Enterprise leads', evidence: 'Enterprise leads: words "enterprise", page https://shop.example/pricing, email at bigcorp.com' });
    expect(evaluateRules(rules, { ...base, email: 'someone@small.example' })).toBeUndefined();
    expect(evaluateRules([{ ...rules[0]!, enabled: false }], base)).toBeUndefined();
  });
  it('count AI answers in a row, take a pattern, and ignore a broken one', () => {
    expect(evaluateRules([{ name: 'Long chats', enabled: true, aiAnswersInRow: 3 }], { ...base, aiAnswersInRow: 3 })).toMatchObject({ detail: 'Long chats' });
    expect(evaluateRules([{ name: 'Long chats', enabled: true, aiAnswersInRow: 3 }], base)).toBeUndefined();
    expect(evaluateRules([{ name: 'Order numbers', enabled: true, pattern: '\\bORD-\\d{6}\\b' }], { ...base, text: 'where is ord-123456?' })).toMatchObject({ evidence: 'Order numbers: pattern matched "ord-123456"' });
    expect(evaluateRules([{ name: 'Broken', enabled: true, pattern: '(' }], base)).toBeUndefined();
    expect(evaluateRules([{ name: 'Empty', enabled: true }], base)).toBeUndefined();
  });
});
