/**
 * The built-in phrase lists for handoff triggers, in the phrase language of phrases.ts, for
 * English, Danish, German, French, Spanish, Dutch and Swedish. Written for first-person
 * situations ("I was charged twice"), not topics ("what is your refund policy?"), so questions
 * the documentation answers stay with the assistant.
 */

export const TRIGGER_LANGUAGES = ['en', 'da', 'de', 'fr', 'es', 'nl', 'sv'] as const;
export type TriggerLanguage = (typeof TRIGGER_LANGUAGES)[number];
export type PhraseList = Partial<Record<TriggerLanguage, string[]>>;

// Who a visitor asks for, per language (used inside the person-request phrases below).
const EN_STAFF = 'human|humans=|person=|persons=|people=|someone=|somebody=|anyone=|anybody=|agent=|agents=|representative|rep=|reps=|operator|staff=|employee|manager|supervisor|support=|team=|advisor|adviser|consultant|technician|technicians|specialist|specialists|customer+service|customer+support|customer+care|service+desk';
const DA_STAFF = 'menneske|person=|personer=|medarbejder|kollega|agent=|supporter|support=|kundeservice|kundesupport|nogen=|rigtig=|jer=';
const DE_STAFF = 'mensch|menschen=|person=|personen=|mitarbeiter|berater|jemand=|jemandem=|agent=|ansprechpartner|kundenservice|kundendienst|support=|kundensupport|team=|sachbearbeiter';
const FR_STAFF = 'humain|humaine|personne=|conseill|agent=|operat|quelqu|service=|support=|equipe=|responsable|vrai=';
const ES_STAFF = 'humano|humana|persona=|agente|asesor|operador|operadora|alguien=|representante|soporte=|servicio=|atencion=|equipo=|encargado|encargada';
const NL_STAFF = 'mens=|mensen=|persoon=|medewerker|iemand=|agent=|klantenservice|support=|helpdesk|echte=|jullie=';
const SV_STAFF = 'manniska|manniskor=|person=|handlaggare|medarbetare|agent=|kundtjanst|support=|nagon=|nan=|riktig=|er=';

// The company's own people, for requests that one of them write or call ("one of your colleagues",
// "a member of your team"); "one of your integrations" and "one of your team plans" are not people
const EN_THEIRS = 'one+of+you=|one+of+you+guys|one+of+your+team|one+of+your+colleagues|one+of+your+staff|one+of+your+people|one+of+your+engineers|one+of+your+agents|one+of+your+support|one+of+your+reps|one+of+your+experts|one+of+your+specialists|one+of+your+developers|one+of+your+folks|one+of+your+employees|one+of+your+techs|member+of+your|members+of+your|someone+on+your|somebody+on+your|anyone+on+your|someone+at+your|somebody+at+your|someone+in+your|somebody+in+your|of+yours|your+colleague|your+colleagues|your+teammate|your+teammates|your+staff|your+people|your+engineers|your+engineer|your+agents|your+specialists|your+experts|your+folks|your+developers|your+techs|your+reps|a+colleague|a+teammate|a+staff+member|a+team+member|someone+from+billing|somebody+from+billing|someone+in+billing|someone+from+sales|somebody+from+sales|someone+in+sales|someone+from+finance|someone+from+accounts|someone+from+engineering|someone+technical';

// The company's people who can look at a problem ("a developer on your team could reply"): not its
// agents or staff in general, whom visitors ask about ("your agents can reply in French?")
const EN_YOUR_PEOPLE = 'a+developer+on+your|a+developer+from+your|a+developer+at+your|an+engineer+on+your|an+engineer+from+your|an+engineer+at+your|a+dev+on+your|a+person+on+your|a+person+from+your|someone+on+your|somebody+on+your|anyone+on+your|someone+at+your|somebody+at+your|someone+from+your|somebody+from+your|one+of+your+team|one+of+your+developers|one+of+your+engineers|member+of+your+team|your+developers|your+engineers|your+devs';

/** The visitor asks for a person. Guards below veto questions about the visitor's own people. */
/**
 * The visitor tells the company to pass the message on ("could you pass this to whoever handles
 * onboarding so they can call our IT lead?"): a request however much of it is about the
 * visitor's own people, so the guards below do not undo it.
 */
export const HAND_ON_TO_YOURS: PhraseList = {
  en: [
    'can+you|could+you|would+you|please|pls|kindly pass|forward|hand|escalate|send this|it|my+message|my+question|my+case|my+issue|my+request|the+request to+whoever|to+whomever|to+the+person+who|to+the+person+that|to+someone+who|to+the+right+person|to+the+people+who|to+the+team+that|to+the+team+who',
  ],
};

/**
 * Who the visitor's own contact at the company is ("who's our customer success manager?"): the
 * company's person, though "our customer" reads like the visitor's own customers, so the guards
 * do not undo it; a how-to ("how do I show who is our account manager on a deal?") is a question.
 */
export const YOUR_CONTACT: PhraseList = {
  en: ['who+s|who+is|whos|who+are our|my account+manager|account+managers|customer+success+manager|customer+success+managers|success+manager|csm=|account+rep=|account+executive'],
};
export const ASKS_HOW: PhraseList = {
  en: ['how+do|how+can|how+to|where+do|where+can|can+i|can+we|is+there+a+way'],
};

export const PERSON_REQUEST: PhraseList = {
  en: [
    // Who of theirs to turn to ("who on your team can I talk to about this?"); one of theirs who
    // knows should look ("can someone who knows the widget internals have a look?"); one of their
    // developers should answer ("I'd appreciate it if a developer on your team could reply")
    'who= on+your|at+your|from+your|in+your .. can|could|should|do .. talk|speak|contact=|reach=|email=|write=|call=|ask=|chat=',
    'can|could|would|will|may someone|somebody|anyone|anybody who+knows|who+understands|who+is+familiar|who+s+familiar|familiar+with .. have+a+look|take+a+look|look+into|investigate',
    `${EN_YOUR_PEOPLE} could|can|would|will|might .. reply|respond|look+into|look+at|take+a+look|have+a+look|check|investigate|review|get+back|reach+out|call|email|contact`,
    // A call with one of the company's own people ("can we book a call with your support team?").
    // Not "meeting" or "appointment", which some products book; not "with someone", which may
    // be the visitor's own client.
    'book|schedule|set+up|arrange|organise|organize|have|get a|an call|video+call|phone+call|zoom|walkthrough with .. one+of+your|one+of+you=|your+team|your+support|your+staff|your+engineers|your+experts|your+specialists|your+sales|your+people|your+colleagues|your+company|support=|customer+support|customer+service|a+human|a+support|an+agent|sales=|account+manager|someone+from+your|somebody+from+your|someone+at+your|someone+on+your',
    `talk|speak|chat=|chats=|chatting|talking|speaking|communicate to|with ${EN_STAFF}`,
    `connect|transfer|put|pass=|forward|escalate me|this|it ${EN_STAFF}|through|over`,
    'want|need|prefer|request|require|like human|person=|someone=|somebody=|agent=|representative|rep=|operator|real=',
    'real=|actual|live= human|person=|agent=|someone=|operator|rep=|representative',
    'is|are there human|real|live|someone=|somebody=|anyone=|anybody=',
    'contact|reach support=|customer|helpdesk|help+desk|someone=|somebody=|you=|your=|sales=',
    'escalate|escalation',
    'human|agent=|operator|representative please|pls|plz|now',
    'not|no|stop|hate|done talking|chatting|with bot=|bots=|robot|chatbot|ai=|machine',
    'not|no|don+t|dont|stop|hate|enough talk|speak|chat|talking|chatting|speaking|deal|dealing to|with bot=|bots=|robot|chatbot|machine|ai=',
    'call me|back=',
    // A callback asked for, not a SAML or OAuth callback URL
    'request|want|need|like|get|arrange|schedule|book|give|have|please a|an= callback|call+back',
    'callback|call+back please|asap|today|tomorrow|now',
    'get|give|have|find|send human|someone=|somebody=|person=|agent=|rep=|representative|operator|human+being|manager|supervisor',
    'get|give|find|send me|us support+agent|support+person|support+rep=|support+representative|support+engineer|service+agent|live+agent|real+agent|human+agent',
    'any|anyone|anybody human|humans=|person=|people=|staff= around|there|here|available|online|alive',
    'anyone|anybody|somebody|someone= there|around|here|available|online from|at|in support=|team=|staff=|customer',
    'can|could|may human|humans=|agent=|real+person help|assist|answer|look',
    'support|team|someone|somebody|agent|person|staff email|call|contact|phone|ring|text me|us',
    'contact|call|email|phone|ring me|us please|asap|back|directly|today|now',
    'get+in+touch|in+touch|get+hold with|of you=|your|someone=|somebody=|support=|team=|a+human|a+person|an+agent|an+actual|a+real|an+engineer|a+developer|an+expert|a+specialist|whoever|the+right+person',
    'connect|put|get|transfer|pass|forward|introduce me|us .. with|to whoever|the+right+person|the+person+who|someone+who|somebody+who|the+team+that|the+people+who|the+team+who|the+department',
    'your|a|the phone+number|telephone+number|hotline|helpline|support+number|contact+number|number+to+call',
    'hotline|helpline|call+centre|call+center|callcenter',
    // Asking who to turn to, or for a named department
    'who can|should|do i|we call|contact|email|talk+to|speak+to|write+to|reach',
    'talk|speak|chat with|to billing|sales|accounts+team|accounting|finance|tech+team|technical+team|security+team|legal=|privacy+team',
    // Hand the conversation on to a person ("hand this over to whoever is on shift")
    'hand|pass|escalate|bump|kick|forward|send this|it|me|my+case|my+ticket|my+issue|my+request|my+question over|on|along|up .. whoever|someone|somebody|colleague|human|person=|team=|agent=|staff=|support=|manager|supervisor|engineer|specialist|expert|technician|shift=|duty=',
    'whoever+is|whoever+s on+shift|on+duty|available|working|responsible|in+charge',
    // Someone from the company should look ("can someone from your team look into this?")
    'someone|somebody|anyone|anybody|person=|human|people=|engineer|specialist|expert|technician|agent=|rep= from|at|of|in|on your|ur|support=|customer+service|customer+support|tech+support|technical+support|helpdesk',
    'can|could|would|will|may a|an|some|one+of+your support+engineer|support+agent|support+person|support+rep=|support+specialist|support+team|support+staff|engineer|specialist|technician|developer|real|actual|live|human|person= .. look|check|review|investigate|help|contact|call|email|get+back|reach+out|assist|fix|handle|answer|reply|respond',
    'please|pls|plz|kindly have|get|let someone|somebody|a+human|a+person|an+agent|your+team|support=|an+engineer',
    'have|get someone|somebody|a+human|a+person|an+agent|support= get+back|reach+out|contact|call|email',
    // Is a person reading at all?
    'anyone|anybody|somebody|someone= actually|really|even reading|listening|monitoring|watching|alive|awake|home',
    // Would rather have a person than the assistant: the visitor's own preference; not "assigned
    // to the admin instead of the person" or "to the team rather than to one person", where
    // agents and people are what the product routes to
    'i+d+rather|i+would+rather|we+d+rather|we+would+rather|i+prefer|we+prefer|i+d+prefer|i+would+prefer|we+d+prefer|we+would+prefer|preferably|sooner .. human|person=|people=|agent=|someone=|somebody=|real+person|live+agent|representative|staff=',
    // The visitor waiting for one ("I'll wait for a human", not "can the automation wait for an
    // agent"); asking whether there is one to send things to
    'i+ll|i+will|i+can|i+am|i+m|we+ll|we+will|we+can|happy+to .. wait|hold+on|hang+on for a+human|a+person|an+agent|a+real+person|a+real+human|an+actual+human|an+actual+person|a+live+agent|a+rep=|a+representative|someone+real',
    'is+there|are+there an|any|someone|somebody engineer|engineers|developer|developers|technician|human i|we can|could send|talk|speak',
    // How the company's own support can be reached ("can your agents make calls from the app?"
    // asks about a feature)
    'does+your+support+do+calls|does+your+support+take+calls|does+your+support+offer+calls|does+your+support+do+phone+calls|does+your+support+team+do+calls|does+your+team+do+calls|does+your+staff+do+calls',
    // A sales rep for a region or a need, not a "sales rep" field
    'is+there|do+you+have|have+you+got a|an|any sales=+rep=+for|sales=+representative+for|sales=+contact+for|salesperson+for|sales=+person+for|account+executive+for|sales=+rep=+covering|sales=+rep=+who',
    // One of their people should write or call back ("could one of your colleagues get back to me",
    // "a member of your team reach out to me"): the company's people, then a way of contacting the visitor
    `${EN_THEIRS} .. get+back|reach+out|contact|call|email|e+mail|mail|write|follow+up|ring|phone|text|message|drop|respond|reply me=|us=|back`,
    'can|could|would|will|may|please|pls|have|let|get a|an|one|some|your staff+member|member+of+staff|member+of+your+team|member+of+the+team|staff=|support+person|support+staff .. pick+this+up|pick+it+up|pick+up+my|take+a+look|take+over|take+this|take+it|look+at+this|look+into|look+at+my|handle+this|deal+with+this|sort+this|follow+up|get+back|reach+out|contact|call|email|write',
    'one+of+your staff=|people|colleagues|engineers|agents|experts|specialists|employees|reps=|folks|developers|technicians|techs|humans|team+members',
    `${EN_THEIRS} .. give|drop|shoot|send me|us .. call|ring|line|email|e+mail|mail|message|shout|note|buzz`,
    // Put the visitor in touch with someone, or in direct contact
    'put|get|bring|connect|set me|us in+touch|in+contact|in+direct+contact',
    'directly|personally|one+on+one|1+on+1 with|to one+of+you=|one+of+your+team|one+of+your+staff|someone=|somebody=|a+person|a+human|a+real|an+agent|an+expert|an+engineer|support=|your+support|your+team|your+staff|your+people|a+staff|a+member|staff=|a+rep=|a+representative',
    `write+with|writing+with|correspond+with|corresponding+with ${EN_STAFF}`,
    // A call or chat with someone who knows ("any chance of a quick call with someone who knows the API?")
    'call|chat|meeting|conversation|word|session with someone|somebody|anyone|a+person|a+human|an+expert|an+engineer|a+specialist .. who+knows|who+understands|who+can+help|who+can+explain|who+can+fix|who+works+on|who+handles|who+is+responsible|from+your|on+your|at+your|in+your|from+support|in+support|technical',
    // Bring a colleague of theirs in ("can you loop in a colleague who knows webhooks?")
    'can+you|could+you|would+you|will+you|please|pls|plz|kindly .. loop|bring|pull|rope|get in= colleague|colleagues|expert|specialist|engineer|human|person=|teammate|manager|supervisor|developer|technician|staff=|someone|somebody|one+of+your',
    // Is anyone there at all; a number to call or an address to write to; a ticket opened for the visitor
    'anyone|anybody|someone|somebody there=|around|awake|here=',
    'anyone|anybody|someone|somebody actually|really|even|at+all there|online|around|available',
    'anyone|anybody|someone|somebody from|on|at the+team|your+team|support|the+support+team .. online|around|available|there|here',
    'number|phone|telephone|line i|we can|could call|ring|reach',
    'what|whats|what+s|where is|s your support|contact email|e+mail|address|number',
    'open|file|create|raise|submit|log|make|start ticket|case .. for+me|for+us',
    'open|file|create|raise|submit|log|make a|an ticket+with+you|ticket+with+your|case+with+you|case+with+your|support+ticket+with',
    // Pass the message on to someone of theirs ("can you pass this to a developer?")
    'pass|forward|hand|escalate this|it|my+message|my+question|my+case|my+issue|the+issue|the+problem .. to+a+developer|to+a+dev|to+the+developers|to+your+developers|to+the+devs|to+an+engineer|to+your+engineers|to+a+person|to+a+human|to+your+team|to+support|to+a+manager|to+a+supervisor',
    'call|chat|meeting|session with someone+from+customer|someone+from+support|someone+from+sales|someone+from+the+team|somebody+from+support|customer+success|your+customer+success',
  ],
  da: [
    // Get hold of someone who knows ("kan jeg få fat i en der ved noget om …")
    'fa+fat i|pa en=|nogen= der|som ved|forstar|kender',
    'booke|bestille|aftale|arrangere|planlaegge et|en opkald|samtale|videomode|telefonmode med .. jer=|en+medarbejder|en+af+jeres|kundeservice|support=|en+supporter|en+radgiver+fra+jer',
    `tale|snakke|chatte|skrive|ringe med|til ${DA_STAFF}`,
    `fa+fat i|pa ${DA_STAFF}`,
    'vil|gerne|onsker|ønsker|brug menneske|person=|medarbejder|rigtig=|nogen=',
    'kontakte|kontakt|fange|ringe jer=|support=|kundeservice|medarbejder|nogen=|menneske',
    'stil|stille mig om|videre',
    'viderestil',
    'rigtig|rigtigt menneske|person=',
    'ikke|ingen robot|bot=|bots=|botter|bottar|chatbot|maskine',
    'ikke|ingen tale|snakke|skrive|chatte med|til robot|bot=|bots=|botter|bottar|chatbot|maskine',
    'ring|ringe mig op',
    'ring til mig',
    'medarbejder|nogen|person|menneske|support kontakte|ringe|skrive|vende+tilbage mig|til+mig',
    'ringes|kontaktes op|af',
    'ringes|kontaktes',
    // The company's number, not a phone-number field ("kan man bruge telefonnummer som nøgle")
    'jeres+telefonnummer|jeres+telefon+nummer|har+i+et+telefonnummer|har+i+noget+telefonnummer',
    'hotline',
    // Pass the case on to a colleague; someone from support should look
    'give=|giv=|send=|sende=|eskaler=|eskalere=|stil=|stille= .. videre|over .. kollega|medarbejder|menneske|person=|supporter|support=|nogen=',
    'nogen|medarbejder|menneske|person= fra|hos|i jer|supporten|support=|kundeservice|kundeservicen',
    // Put me in touch ("sætte mig i kontakt/forbindelse med"), be contacted by one of theirs
    'saette|saet|saetter|stille|stil mig|os i+kontakt|i+forbindelse',
    'vil|gerne|kan+jeg|kan+vi|onsker|bede+om+at .. blive|bliver kontaktet|ringet+op|ringet|skrevet+til',
    'en=|nogen=|medarbejder|kollega fra|hos|i jer|supporten|support=|kundeservice .. kontakte|kontakt|skrive|ringe|vende+tilbage|kigge|se|hjaelpe|svare|maile',
    // Who to turn to; anyone there; a case opened for the visitor; one of theirs should look; on to a manager or developer
    'hvem skal|kan|bor jeg|vi kontakte|ringe+til|skrive+til|henvende|tale+med|sporge',
    'hellere .. person=|menneske|medarbejder|nogen=',
    'nogen= derinde|herinde|online|tilstede|til+stede|vagen',
    'oprette|opret|lave|abne|aabne|starte|indsende en|et supportsag|sag|ticket|henvendelse for|til mig|os',
    'en+af+jer|nogen+af+jer|nogen+hos+jer|nogen+fra+jer|en+fra+jer .. kigge|se|tjekke|undersoge|hjaelpe|ringe|skrive|maile',
    'eskaleret|eskalere|eskaler|sende|send|sendt .. videre|til .. en+leder|en+chef|en+udvikler|udviklerne|en+supervisor|en+tekniker|ledelsen|jeres+chef',
    'tale|snakke|chatte med|til en+leder|en+chef|en+supervisor|en+udvikler|jeres+chef|en+overordnet',
  ],
  de: [
    'anruf|telefonat|gesprach|videocall|call mit .. ihnen=|euch=|ihrem|eurem|support=|kundenservice|kundendienst|kundensupport|mitarbeiter|ansprechpartner .. vereinbaren|ausmachen|buchen|planen',
    `mit ${DE_STAFF} sprechen|reden|chatten|schreiben|telefonieren|verbunden|verbinden|austauschen`,
    `sprechen|reden|chatten|schreiben|telefonieren mit ${DE_STAFF}`,
    `verbind|verbinden|weiterleit|weiterverbind sie|mich ${DE_STAFF}|weiter`,
    'weiterleiten|weiterverbinden',
    'will|mochte|moechte|brauche|brauch=|hatte|haette|wunsche mensch|menschen=|person=|mitarbeiter|berater|ansprechpartner|jemand=|jemanden=',
    'echte|echten|echter|realen|richtigen mensch|menschen=|person=|mitarbeiter',
    'kontaktieren|erreichen|anrufen kundenservice|support=|kundendienst|euch=|jemand',
    'kundenservice|support=|kundendienst|euch=|jemanden kontaktieren|erreichen|anrufen',
    'kein|keinen|keinem|nicht bot=|bots=|roboter|chatbot|maschine|ki=',
    'ruckruf|rueckruf',
    'ruf|rufen mich an',
    'mich|uns jemand|mitarbeiter|support anrufen|zuruckrufen|kontaktieren|melden',
    'mich|uns wer= anrufen|zuruckrufen',
    'jemand|mitarbeiter mich|uns anrufen|zuruckrufen|kontaktieren',
    'kundenservice|support=|kundendienst|mitarbeiter|berater|mensch|menschen=|ansprechpartner sprechen|erreichen|kontaktieren|haben',
    'verbind|verbinden|weiterleit|weiterleiten .. mensch|menschen=|mitarbeiter|berater|kundenservice|kundendienst|jemand|jemandem|ansprechpartner',
    'eure+telefonnummer|eure+rufnummer|gibt+es+eine+telefonnummer|gibt+es+eine+rufnummer|haben+sie+eine+telefonnummer|habt+ihr+eine+telefonnummer|wie+lautet+eure+telefonnummer|wie+lautet+ihre+telefonnummer|wie+ist+eure+telefonnummer|wie+ist+ihre+telefonnummer',
    'hotline|servicenummer',
    // A person should look at it; a number to call; pass it on to a colleague
    'kann|konnte|konnen|konnten|wurde|moge|bitte .. mensch|menschen=|mitarbeiter|mitarbeiterin|berater|beraterin|techniker|support=|kundenservice|kollege|kollegin|jemand+von|jemand+vom|jemand+aus|jemand+bei .. ansehen|anschauen|anzusehen|prufen|uberprufen|kummern|helfen|melden|zuruckrufen|anrufen|kontaktieren|schauen',
    'nummer|telefonnummer|rufnummer .. sie|euch|ihnen anrufen|erreichen',
    'sie|euch|ihnen telefonisch erreichen',
    'geben|gib|reichen|leiten .. an .. kollege|kollegin|kollegen|mitarbeiter|mitarbeiterin|menschen|mensch|jemand|support=|zustandig|verantwortlich .. weiter',
    // With someone from support, a few words apart ("mit jemandem aus dem Support schreiben",
    // "mit einer Person aus dem Kundenservice klären")
    'mit jemandem|einem|einer|einen|ihrem|eurem|dem|der|ihren|euren .. aus|von|vom|im|bei|beim .. support|supportteam|kundenservice|kundendienst|kundensupport|hotline|euch|ihnen|ihrem+team|eurem+team|ihrer+firma|eurer+firma|service .. sprechen|reden|chatten|schreiben|telefonieren|klaren|besprechen|austauschen|kommunizieren',
    // Someone of theirs should get in touch ("könnte sich jemand aus Ihrem Team bei mir melden")
    'jemand|sie=|ihr=|euch=|mitarbeiter|mitarbeiterin|kollege|kollegin|support|berater|beraterin|ansprechpartner|techniker .. bei mir|uns .. melden|zuruckmelden',
    'mich|uns .. in+kontakt|in+verbindung .. setzen|bringen',
    'mich|uns .. mitarbeiter|mitarbeiterin|jemand|berater|beraterin|kollege|kollegin|support|kundenservice .. kontaktiert|anruft|zuruckruft|anschreibt|meldet|schreibt',
    // Who to turn to; anyone there; a ticket opened for the visitor; someone from support should write
    'an+wen|wen=|mit+wem|bei+wem kann|soll|muss ich|wir .. wenden|kontaktieren|melden|sprechen|schreiben',
    'lieber .. person=|mensch|menschen=|mitarbeiter|jemandem|jemand=|menschlichen',
    'ist|sind da|hier .. jemand=|irgendjemand|wer=',
    'ticket|supportticket|supportfall|anfrage|fall fur+mich|fur+uns',
    'jemand=|mitarbeiter|irgendjemand vom|aus+dem|von+ihrem|von+eurem|von+euch|bei+euch|bei+ihnen support|team|kundendienst|kundenservice .. mail|e+mail|schreiben|anrufen|zuruckrufen|melden|anschauen|ansehen|prufen|kummern',
  ],
  fr: [
    // Someone of their team should look ("qu'une personne de votre équipe regarde ça avec moi")
    'une+personne|quelqu+un|un+membre|un+conseiller|une+conseillere|un+technicien|un+expert de|du|chez votre|vos|chez+vous .. regarde=|regarder=|verifie=|verifier=|examine=|examiner=|aide=|aider=|rappelle=|rappeler=|contacte=|contacter=|occupe=|occuper=|jette=',
    'prendre|reserver|planifier|organiser|fixer un appel|visio|entretien avec .. vous=|votre+equipe|votre+support|votre+service|un+conseiller|une+conseillere|un+agent|le+support|le+service+client|un+humain',
    `parler|discuter|echanger|chatter|communiquer a|avec|au ${FR_STAFF}`,
    'veux|voudrais|souhaite|souhaiterais|aimerais|besoin|exige humain|humaine|personne=|conseill|agent=|operat|quelqu|vrai=|responsable',
    'vrai|vraie|veritable humain|personne=|conseiller|agent=',
    'mettre|mettez|mets|mis|mise|mettiez en relation|contact',
    'joindre|contacter|appeler service=|support=|equipe=|conseill|quelqu|vous=',
    'transfer|transferez|passer|passez moi|me conseill|humain|agent=|quelqu|service=',
    'pas|plus robot|bot=|bots=|botter|bottar|chatbot|machine|ia=',
    'pas|plus parler|discuter|chatter|ecrire a|avec robot|bot=|bots=|botter|bottar|chatbot|machine|ia=',
    'rappeler|rappelez|rappelle moi|me',
    'me rappeler|rappeliez',
    'avoir|obtenir humain|conseill|agent=|operat|vrai=',
    'contacte|contactee|rappele|rappelee|appele|appelee par',
    'numero+de+telephone|hotline|numero+de+contact',
    // A person should look at it; pass the request on to a colleague
    'humain|humaine|conseiller|conseillere|agent=|vraie+personne|personne+reelle|technicien|collegue peut|pourrait|puisse|pourriez .. regarder|verifier|examiner|voir|traiter|aider|rappeler|contacter|jeter|occuper',
    'transmettre|transferer|transmettez|transferez|escalader|remonter .. collegue|conseiller|conseillere|humain|responsable|superieur|service=|equipe=|technicien|quelqu',
    'prefere|prefererais|plutot .. humain|humaine|personne=|conseiller|agent=',
    // Someone of theirs should get back to the visitor ("un membre de votre équipe pourrait me recontacter")
    'pourrait|pourriez|pouvez|peut|puisse|puissiez|merci|voudrais|souhaite|souhaiterais|aimerais|possible .. me|nous|m= recontacter|contacter|rappeler|ecrire|joindre|appeler',
    'quelqu+un|quelqu+une|une+personne|un+membre de+votre+equipe|de+chez+vous|de+votre+service .. me|nous|m= recontacter|rappeler|ecrire|joindre',
    // Who to contact; anyone there; a ticket opened for the visitor; someone of theirs should look or write; a video call with their team
    'quelqu+un .. du+support|de+chez+vous|de+votre|de+l+equipe|chez+vous|du+service .. envoyer|ecrire|appeler|rappeler|regarder|verifier|contacter|jeter|examiner|prendre+le+relais|reprendre|prendre+en+charge',
    // Someone should take the conversation over ("quelqu'un peut prendre le relais ?"); asking how
    // an agent takes one over in the product ("comment prendre le relais…") is a guard's
    'quelqu+un|un+humain|un+conseiller|une+conseillere|un+agent peut|pourrait|pouvez|pourriez|puisse .. prendre+le+relais|reprendre+la+conversation|reprendre+la+discussion|reprendre+la+main',
    'contacter|appeler qui=',
    'qui dois|faut|puis+je|pourrais .. contacter|joindre|appeler|adresser',
    'quelqu+un la=|ou+pas|en+ligne|qui+lit|qui+repond',
    'ouvrir|creer|faire|lancer|soumettre|ouvrez|creez un|une ticket .. pour+moi|pour+nous',
    'rendez+vous|visio|appel|reunion .. avec votre|vos equipe|equipes|support|conseiller|conseillers|service',
  ],
  es: [
    'agendar|programar|reservar|concertar|organizar una|un llamada|videollamada con .. ustedes=|vosotros=|su+equipo|soporte=|un+asesor|una+asesora|un+agente|atencion+al+cliente|un+humano',
    `hablar|chatear|comunicarme|conversar con|a|al ${ES_STAFF}`,
    'quiero|necesito|quisiera|prefiero|exijo humano|humana|persona=|agente|asesor|operador|operadora|alguien=|representante|encargado',
    'persona real|humana',
    'pasame|pasar|comunicame|comunicar|transfiere|transfiereme|transferir|ponme|conectame|conectar con|a|al agente|asesor|humano|persona=|operador|alguien',
    'contactar|llamar|comunicarme soporte=|servicio=|atencion=|ustedes=|alguien|equipo=|asesor',
    'atencion+al+cliente|servicio+al+cliente',
    'no|ningun bot=|bots=|botter|bottar|robot|chatbot|maquina',
    'no hablar|chatear|escribir con|a bot=|bots=|botter|bottar|robot|chatbot|maquina',
    'llamame|llamenme|llamarme',
    'me llamen|llame',
    'atender|atienda|atiende humano|persona=|agente|asesor|alguien|operador',
    'numero+de+telefono|telefono+de+contacto|linea+de+atencion',
    // A real person, or pass me to a colleague
    'persona|humano|agente|asesor de+verdad|real=|reales',
    'paseme|pasenme|pase|transfiera|transfierame|comuniqueme|pongame|derive|derivar|derivame|escalar|escale con|a|al companero|companera|agente|asesor|humano|persona=|supervisor|encargado|responsable|tecnico',
    'pueda|puede|podria|podrian revisar|revisarlo|mirar|mirarlo|verlo|atender|atenderme .. persona|humano|agente|asesor|companero|tecnico',
    // "¿Hay alguna persona del equipo que me pueda atender?"
    'hay|existe alguna|algun|alguien persona|humano|agente|asesor|tecnico .. que+me|que+nos pueda|puede|podria atender|ayudar|responder|llamar|contestar',
    'prefiero|preferiria .. persona|humano|agente|asesor',
    'tecnico|tecnica|persona|alguien|agente|especialista|ingeniero|ingeniera de+vuestro+lado|de+vuestra+parte|de+vuestro+equipo|de+vuestro+soporte',
    // "¿Puede un desarrollador revisar mi caso?", not "¿puede un agente atender varios chats?"
    'puede|podria|pueden|podrian un|una|algun|alguna|alguien+de|alguno+de desarrollador|desarrolladora|tecnico|tecnica|ingeniero|ingeniera|programador .. revisar=+mi|mirar=+mi|ver=+mi|revisarlo|mirarlo|verlo|atenderme|ayudarme',
    // Someone of theirs should write or call ("alguien de su equipo podría escribirme"), or get in touch
    'alguien|persona|companero|companera|agente|asesor|miembro|tecnico|experto|responsable de|del su|sus|vuestro|vuestra|ustedes|soporte|atencion .. escribirme|llamarme|contactarme|contactarnos|escribirnos|llamarnos|responderme|ponerse|contacte|contacten|escriba|escriban|llame|llamen',
    'ponga|pongan|ponerse|pusiera|pusieran|pongais|poneros|ponerme|ponernos|ponme|pongame en+contacto conmigo|con+nosotros|con+alguien|con+una+persona|con+un+agente|con+soporte|con+ustedes',
    // A number to call; who to talk to; anyone there; call me; a ticket opened; someone of theirs should look; on to a supervisor or developer
    'telefono|numero .. llamar',
    'alguien de|del soporte|equipo|vuestro|su|ustedes|servicio|atencion .. escribir|llamar|contactar|revisar|mirar|ver|ayudar|correo|email|mail',
    'con+quien|a+quien tengo|debo|puedo|hay|tendria .. hablar|contactar|escribir|llamar|dirigirme',
    'alguien ahi|alli|ahi+dentro|conectado|en+linea',
    'me= pueden|puede|podeis|podrian|podria|podes llamar|telefonear|contactar',
    'me|nos abris|abren|abre|abrir|crear|creais|crean|abrirme|crearme un|una ticket|caso|incidencia',
    'ticket|caso|incidencia .. para+mi|para+nosotros',
    'hablar|comunicarme|contactar con un|una|al|el supervisor|supervisora|gerente|responsable|encargado|jefe',
    'pasale|pasa|pasar|pasadle|envia|enviar|reenvia|reenviar|escala|escalar esto|lo|mi+caso|mi+mensaje .. a+un+desarrollador|a+los+desarrolladores|a+un+tecnico|a+una+persona|a+un+humano|a+alguien|al+equipo|a+soporte|a+un+supervisor|a+un+responsable',
  ],
  nl: [
    // Someone on the line; someone of theirs to look ("is er iemand bij jullie die hiernaar kan kijken")
    'graag|wil|kan+ik|kunnen+we|mag+ik .. iemand|medewerker|persoon aan+de+lijn|aan+de+telefoon=',
    'iemand= bij+jullie|bij+het+team|bij+de+support|bij+support .. kijken|helpen|bellen|mailen|contact|spreken|bereiken|hiernaar|ernaar',
    'plannen|inplannen|boeken|afspreken|regelen een gesprek|belafspraak|videogesprek|call met .. jullie=|iemand+van+jullie|een+medewerker|klantenservice|support=|helpdesk',
    `praten|spreken|chatten|bellen met ${NL_STAFF}`,
    `met ${NL_STAFF} praten|spreken|chatten|bellen|communiceren|bespreken|overleggen|mailen`,
    'wil|kan|mag|moet mens=|persoon=|medewerker|iemand=|agent=|echte=',
    'echte|echt mens|persoon|medewerker',
    'contact+opnemen|contact+zoeken met|op',
    'doorverbind|doorschakel|doorverbonden',
    'verbind|verbinden mij|me medewerker|mens=|iemand|klantenservice',
    'verbind|verbinden mij|me door',
    'neem|nemen contact op',
    'klantenservice|helpdesk|support= bereiken|bellen|contacteren|spreken',
    'geen|niet bot=|bots=|botter|bottar|robot|chatbot|machine',
    'bel|bellen me|mij terug|op',
    'terugbel',
    'iemand|medewerker|collega+van+jullie|een+van+jullie mij|me bellen|terugbellen|contacteren|mailen',
    'telefoonnummer|hotline|servicenummer',
    // Put me in touch with someone
    'mij|me|ons .. in+contact|in+verbinding .. brengen|zetten|stellen',
    // Someone of theirs to speak to; who to turn to; anyone there; a ticket made for the visitor; on to a manager or developer
    'iemand= van= jullie|jullie+team|het+team|de+support|support|de+klantenservice .. spreken|bellen|mailen|kijken|helpen|contact|bereiken',
    'bij+wie|met+wie|wie moet|kan|moeten|kunnen ik|we .. zijn|contact|bellen|mailen|spreken|terecht|wenden',
    'liever .. persoon=|mens=|medewerker|iemand=',
    'daar|hier iemand=',
    'iemand= daar|aanwezig|online|wakker',
    'ticket .. voor+me|voor+mij|voor+ons',
    'escaleren|escaleer|doorzetten|doorsturen|doorgeven .. leidinggevende|manager|ontwikkelaar|ontwikkelaars|developer|developers|teamleider|supervisor',
  ],
  sv: [
    'boka|planera|ordna ett|en samtal|videosamtal|telefonmote med .. er=|en+handlaggare|kundtjanst|support=|nagon+fran+er',
    `prata|tala|chatta|snacka|ringa med ${SV_STAFF}`,
    'vill|behover manniska|person=|medarbetare|handlaggare|nagon=|riktig=',
    'riktig|riktigt|verklig manniska|person=|medarbetare',
    'koppla mig vidare|till|med',
    'kontakta|na|ringa kundtjanst|support=|er=|nagon|handlaggare',
    'ingen|inte bot=|bots=|botter|bottar|robot|chatbot|maskin',
    'inte|ingen prata|tala|chatta|skriva med bot=|bots=|botter|bottar|robot|chatbot|maskin',
    'ring mig|upp',
    'ringa upp mig',
    'nagon|handlaggare|medarbetare ringa|kontakta|mejla mig',
    'ert+telefonnummer|era+telefonnummer|har+ni+ett+telefonnummer|har+ni+nagot+telefonnummer|finns+det+ett+telefonnummer|finns+det+nagot+telefonnummer|vad+har+ni+for+telefonnummer',
    'hotline',
    // Pass it on to a colleague
    'skicka+vidare|vidarebefordra=|eskalera=|lamna+over|overlamna=|skicka+over .. kollega|medarbetare|handlaggare|manniska|person=|nagon=|supporten|support=',
    // Someone of theirs should get in touch ("kan någon från ert team höra av sig"), or be contacted
    'nagon|ni=|handlaggare|supporten|support= .. hora+av+sig|hor+av+sig|hora+av+er|hor+av+er|hora+av+dig|kontakta+mig|ringa+mig|mejla+mig|maila+mig|skriva+till+mig|ringa+upp+mig',
    'vill|skulle+vilja|kan+jag|kan+vi|onskar|garna .. bli|blir kontaktad|kontaktade|uppringd|uppringda|ringd',
    'satta|satt|satter mig|oss i+kontakt|i+forbindelse',
    // A number to call; who to contact; anyone there; someone of theirs should look; a case opened for the visitor; a manager
    'nummer|telefonnummer .. ringa',
    'vem ska|kan|bor jag|vi kontakta|ringa|skriva|vanda|prata',
    'hellre .. person=|manniska|handlaggare|nagon=',
    'nagon= dar=|inne=',
    'nagon= hos|fran|pa er=|ert|supporten|support= .. kolla|titta|hjalpa|ringa|kontakta|maila|undersoka',
    'skapa|oppna|lagga+upp|registrera ett|en arende|ticket|supportarende .. at+mig|for+mig|at+oss',
    'prata|tala med en+chef|chefen|en+ansvarig|en+overordnad|en+supervisor|er+chef',
  ],
};

/**
 * One of the company's things, not its people ("does one of your team plans include phone
 * support?"): vetoes the classifier's reading only, since the phrases name people.
 */
export const THINGS_OF_YOURS: PhraseList = {
  en: [
    'one+of+your plans=|products=|apps=|tools=|tiers=|articles=|guides=|docs=|templates=|integrations=|features=|plugins=|videos=|courses=',
    // Things to run on, not people ("can I get a machine with a GPU for our support chatbot?")
    'get|have|buy|rent|order|use a|an|more|bigger|larger|dedicated|faster machine|machines|server|servers|gpu|gpus|cpu|cpus|instance|instances|vm=|vps|ram=|memory|storage|volume|ip=|region',
  ],
};

/** A whole message that is only this (a word or two) is a request for a person. */
export const PERSON_WORDS: PhraseList = {
  en: ['human', 'person=', 'agent=', 'operator', 'representative', 'real+person', 'live+agent', 'customer+service', 'support=', 'someone='],
  da: ['menneske', 'medarbejder', 'kundeservice', 'person='],
  de: ['mensch', 'mitarbeiter', 'kundenservice', 'kundendienst', 'berater'],
  fr: ['humain', 'conseiller', 'agent=', 'service+client'],
  es: ['humano', 'agente', 'asesor', 'operador', 'persona='],
  nl: ['mens=', 'medewerker', 'klantenservice'],
  sv: ['manniska', 'kundtjanst', 'handlaggare'],
};

/**
 * Questions about the visitor's own people ("how do I contact my customers?", "how do I add an
 * agent?") use the same words as a request for a person; any of these vetoes that trigger.
 */
export const PERSON_GUARDS: PhraseList = {
  en: [
    // The product's own request button, or callbacks as a feature ("can I turn off the talk to a
    // human button?", "do you support callback requests from visitors?"); how many were escalated
    'turn+off|turn+on|disable|enable|hide|remove|show|rename|customise|customize|change|move|translate .. human|agent|person|team|support|operator button|buttons|toggle|option|link|tab',
    'do+you+support|does+it+support|is+there+support+for|can+visitors|can+customers|let+visitors|let+customers|allow+visitors|allow+customers .. callback|callbacks|call+back|call+backs',
    'how+many|number+of|count+of|share+of|percentage+of .. conversations|chats|tickets|cases .. escalated|handed|transferred',
    // What the visitor's own customers write ("when a customer writes 'I want a human'"); a new
    // owner for someone's things ("make sure the collections get a new manager")
    'when|if|whenever|once a|the customer|visitor|client|contact|caller writes|says|types|asks|sends|requests|wants',
    'a+new+manager|a+new+owner|a+new+admin|new+managers|new+owners',
    'my|our|their customer|client|user|visitor|guest|buyer|subscriber|contacts|audience|member|patient|student|employee|colleague|staff=|agents=|reps=|lead|leads=',
    'customers|clients|users|visitors|buyers can|could|to|will|chat|talk|speak|contact|reach',
    'add|invite|assign|create|remove|delete|manage|setup|set+up|configure|train agent|agents|person|people|user|users|member|teammate|seat|operator|representative',
    'each+other|one+another',
    // How a teammate of the visitor's reaches them ("is there a way for a teammate to get back to me?")
    'how|way+for|way+to|let|lets|allow|allows|enable|enables .. a+colleague|a+teammate|a+team+member|a+coworker|a+co+worker|teammates|team+members|coworkers',
    'bot=|bots=|botter|bottar|chatbot|ai=|assistant|widget talk|speak|chat|answer|hand|escalate|transfer|connect',
    'without human|humans=|agent|agents=',
    // Someone's access, a user's email: possessives ("person's" is "person s"), so the s comes straight after
    'someone+s|somebody+s|person+s|people+s|user+s|member+s|agent+s|users=|members=|agents= access|permission|permissions|rights|role|roles|seat|seats|license|licence|email|address|ownership|name|profile',
    // Giving someone access or a role ("how do I give someone access?")
    'someone|somebody|person|people|user|users|member|members|agent|agents access|permission|permissions|rights|role|roles|seat|seats|license|licence|ownership',
    // What a setting or button does ("what does the 'request a human' toggle do?"); escalation the product automates
    'what|what+does|what+do|whats|what+s .. toggle|checkbox|switch|setting|option|button .. do=|does=|mean=|means=|for=',
    'escalate|escalation tickets|conversations|chats|cases|issues .. automatically|automatic|after|rule|rules',
    // How to send something on to someone in the product ("how do I forward it to the team?")
    'how+do+i|how+can+i|how+to|how+do+we|how+can+we .. send|forward|share|pass this|it|a|an|my|the .. to+someone|to+somebody|to+the+team|to+my|to+a+colleague|to+people|with+someone|with+the+team',
    'add|change|update|verify|remove|edit|my|our phone|telephone number',
    // (Not "customer": "the phone number of the customer service")
    'phone|telephone number=|numbers= of+the|of+our|of+my|of+each|from+the|from+our attendee=|attendees=|guest=|guests=|invitee=|invitees=|patient=|patients=|user=|users=|visitor=|visitors=',
    'phone+number field|format|validation|verification',
    'talk|speak|chat|message|contact|reach|touch|write|email|call|ring|text|connect|communicate to|with my|our|their team|teammates|colleagues|coworkers|co+workers|staff=|employees|boss',
    // Someone on the visitor's own team or in their own account
    'someone|somebody|anyone|people|person|user|users|member|members on|in|from my|our|their team|teams|workspace|organisation|organization|org=|company|project|group|board',
    // Setting up the visitor's own site, widget, escalation rules or customers' options
    'add|put|display|show|embed|install|setup|set+up|place|create|configure|customise|customize .. on|to|in|for my|our site|website|store|shop|page|pages|app|widget|form|landing',
    'let|allow|enable|help customers|clients|visitors|users|guests|buyers|patients|students|members',
    'escalation|escalations rule|rules|policy|policies|setting|settings|path|paths|level|levels|matrix|workflow|workflows|trigger|triggers|sla=',
    'automation|automations|automate|workflow|workflows|rule|rules|trigger|triggers|macro|macros .. escalat|assign|route|forward',
    // Configuring escalation or being told of it ("how to configure SLA escalation", "a webhook when a ticket is escalated")
    'how+to|how+do+i|how+can+i|how+do+we|can+i|can+we|is+there+a+way+to .. configure|set+up|setup|create|add|enable|define|change .. escalation|escalations',
    // A setting, in the present tense: "my ticket was escalated but nobody replied" is not one
    'webhook|webhooks|notification|notifications|notified|notify|alert|alerts .. when|whenever|if|once .. a|any|the|every|each ticket|conversation|chat|case .. is+escalated|gets+escalated|is+reassigned|gets+reassigned',
    'webhook|webhooks|notification|notifications|notified|notify|alert|alerts .. when|whenever|if|once .. tickets|conversations|chats|cases are+escalated|get+escalated|are+reassigned',
    // Moving conversations or tickets between the visitor's own agents (any language)
    'conversation|conversations|chats|ticket|tickets|thread|threads|samtale|samtaler|gesprach|unterhaltung|konversation|conversacion|gesprek|samtal|arende .. another|other|different|andre|anden|andere|anderen|autre|otro|otra|annan|annat|teammate|colleague|kollega|kollege|collegue|companero|collega',
  ],
  da: [
    'mine|vores|deres kunde|kunder|bruger|brugere|besogende|medlem|medarbejdere|kolleger|ansatte|gaester|elever|patienter',
    'tilfoj|tilføj|invitere|inviter|opret|oprette|fjerne|fjern medarbejder|bruger|agent|person|personer',
    'kunde=|kunder=|bruger=|brugere=|besogende= kan|skal|skrive|tale|chatte|kontakte|ringe',
    'min|mit|andre|aendre|ændre telefonnummer',
  ],
  de: [
    'mein|meine|meinen|meiner|meinem|unser|unsere|unseren|unserer|unserem kunde|kunden|nutzer|benutzer|besucher|mitglied|mitarbeiter|kollegen|gaste|patienten|schuler|team|teams',
    'wie .. teammitglied|teammitglieder|ein+kollege|eine+kollegin|meine+kollegen|meine+kollegin|mein+kollege',
    'hinzufugen|einladen|anlegen|entfernen|erstellen mitarbeiter|benutzer|nutzer|agent|agenten|person|personen',
    'mitarbeiter|benutzer|nutzer|agent|agenten hinzufugen|einladen|anlegen|entfernen|erstellen',
    'kunde=|kunden=|nutzer=|besucher= kann|konnen|mit|chatten|sprechen|kontaktieren|erreichen',
    'meine|andern|aendern telefonnummer|rufnummer',
  ],
  fr: [
    'mes|nos|leurs|mon|notre client|utilisateur|visiteur|membre|employe|collegue|equipe=|patient|eleve|abonne',
    'ajouter|inviter|creer|supprimer|retirer agent|utilisateur|conseiller|membre|personne',
    // How an agent takes a conversation over in the product
    'comment .. prendre+le+relais|reprendre+la+main|reprendre+la+conversation|reprendre+la+discussion',
    // With a determiner: "votre service client peut m'appeler" asks for the company's own service
    'les|des|mes|nos|leurs|vos|ses|un|une|chaque|aux|nouveau|nouveaux client=|clients=|utilisateur=|utilisateurs=|visiteur=|visiteurs= peut|peuvent|puisse|puissent|parler|contacter|chatter|joindre',
    'mon|changer|modifier numero+de+telephone',
  ],
  es: [
    // Settings for the visitor's own agents ("cuántas conversaciones puede atender cada agente",
    // "una regla para escalar a un supervisor")
    'cada+agente|por+agente|cada+asesor|varios+agentes',
    'regla|reglas|automatizacion|automatizaciones|disparador|disparadores .. escalar|escale|asignar|asigne|reasignar',
    // The visitor's own number put on their site ("poner nuestro número de teléfono en el chat");
    // not "llámenme a mi teléfono"
    'poner|mostrar|anadir|agregar|incluir|configurar .. nuestro|nuestra numero|telefono',
    'mis|nuestros|nuestras|sus|mi|nuestro cliente|usuario|visitante|miembro|empleado|companero|equipo|paciente|alumno|suscriptor',
    'anadir|agregar|invitar|crear|eliminar|quitar agente|usuario|asesor|miembro|persona',
    // With a determiner: "atención al cliente puede llamarme" asks for the company's own service
    'los|las|mis|nuestros|nuestras|sus|tus|un|una|cada|nuevo|nuevos cliente=|clientes=|usuario=|usuarios=|visitante=|visitantes= puede|pueden|hablar|contactar|chatear|escribir',
    'mi|cambiar|cambio|cambia|actualizar|actualizo|anadir|agregar|agrego|modificar numero+de+telefono',
  ],
  nl: [
    'hoeveel|zien|overzicht|statistieken|rapport .. per+medewerker|per+agent|per+teamlid|elke+medewerker|iedere+medewerker',
    'mijn|onze|hun klant|gebruiker|bezoeker|leden=|medewerkers|collega|team=|patient|leerling',
    'hoe .. een+collega|mijn+collega|collega+s|teamleden|een+teamlid',
    'toevoegen|uitnodigen|aanmaken|verwijderen medewerker|gebruiker|agent|persoon|personen',
    'medewerker|medewerkers|gebruiker|gebruikers|agent|agenten toevoegen|uitnodigen|aanmaken|verwijderen',
    'klant=|klanten=|gebruiker=|gebruikers=|bezoeker=|bezoekers= kan|kunnen|met|chatten|praten|bellen|contacteren',
    'mijn|wijzigen|veranderen telefoonnummer',
    // A phone number asked of the visitor's own customers, as a field ("vraag naar het telefoonnummer van de klant")
    'telefoonnummer|telefoonnummers van+de|van+het|van+een|van+onze|van+mijn|van klant=|klanten=|gebruiker=|gebruikers=|bezoeker=|bezoekers=|deelnemer=|deelnemers=|gast=|gasten=|patient=|patienten=',
    'toevoegen|voeg .. vraag|veld|formulier .. telefoonnummer',
  ],
  sv: [
    'mina|vara|deras|min|var|mitt|vart kund|anvandare|besokare|medlem|medarbetare|kollegor|anstallda|patienter|elever|team',
    'hur .. en+kollega|mina+kollegor|en+medarbetare|teammedlem|teammedlemmar',
    'lagga+till|bjuda+in|skapa|ta+bort medarbetare|anvandare|agent|person|personer',
    'kund=|kunder=|anvandare=|besokare= kan|ska|prata|chatta|kontakta|ringa',
    'mitt|andra|byta telefonnummer',
  ],
};

export interface SensitiveCategory {
  key: string;
  name: string;
  enabled: boolean;
  phrases: PhraseList;
}

/**
 * Checked in this order, the first category that matches wins: the most specific situations
 * first (a legal threat, a takeover, a lost second factor, a data-protection request), so
 * "someone logged in and now I can't" is a hacked account, not a login problem.
 */
export const DEFAULT_SENSITIVE_CATEGORIES: SensitiveCategory[] = [
  {
    key: 'legal_threat',
    name: 'Legal threats',
    enabled: true,
    phrases: {
      en: [
        // A formal notice of infringement ("please treat this as a formal takedown notice")
        'formal+takedown|takedown+notice|takedown+request|dmca+notice|dmca+takedown|notice+of+infringement',
        'hosting|hosts|hosted|publishing|publishes|distributing|selling .. infring|violat .. our|my trademark|trademarks|copyright|copyrights|intellectual+property|patent',
        // Lawyers and lawsuits
        'lawyer|lawyers|attorney|attorneys|solicitor|solicitors|barrister',
        'legal action|proceedings|steps',
        'sue=|suing|lawsuit|litigation',
        'take|taking|see|drag|dragging you|this|them|it .. court=|courts=',
        'small+claims',
        'cease+and+desist',
        // Complaints to regulators and consumer bodies
        'ombudsman|trading+standards|consumer+protection|watchdog',
        'report|reporting|complain|complaining|complaint|escalate|escalating .. authorities|police|regulator|regulators|bbb=|better+business|ftc=|cfpb=|fca=|attorney+general|consumer+rights|accc=|ofcom|finra',
        // Counsel or a legal department taking it on, or damages and compensation claimed; "can our legal
        // team review your DPA?" is procurement, so the legal team must be acting on the visitor's behalf
        'counsel=|legal+counsel|our+counsel|my+counsel|legal+department|legal+dept|legal+team|legal+advisor|legal+adviser|legal+representative|legal+representatives .. will|ll|is|are|has|have|going|now|already .. take|be+in+touch|involved|informed|notified|pursue|pursuing|drafting|handle+this|handle+it|deal+with+this|deal+with+you|from+here|looking+into',
        'hear|hearing from our|my legal|lawyer|lawyers|attorney|attorneys|solicitor|solicitors|counsel',
        'seek|seeking|demand|demanding|claim|claiming|pursue|pursuing|entitled+to|owed|recover|recovering compensation|damages=|reparation|reparations|indemnification|restitution',
        // A claim being prepared ("preparing a claim against", "collecting screenshots for a claim");
        // not "an expense claim" or "a warranty claim", which are product features
        'claim|claims|lawsuit|proceedings against=',
        'preparing|prepare|collecting|gathering|building|drafting|documenting|compiling .. for+a+claim|for+our+claim|a+claim+against|lawsuit|legal+case|court+case|case+against',
        'considering|exploring|weighing|reviewing|looking+into|keeping|reserve|reserving .. legal+options|legal+route|legal+recourse|legal+remedies|legal+avenues|legal+means',
        'recover|reclaim|recoup .. costs|losses|damages|money|expenses .. from+you|from+your',
        'forward|forwarding|pass|passing|hand|handing|refer|referring|escalate|escalating|turn|turning .. to+our|to+my|over+to+our|over+to+my legal+counsel|counsel=|lawyers|lawyer|attorney|solicitor',
        'go+to+court|going+to+court|head+to+court|see+you+in+court|take+you+to+court',
        'we+expect|i+expect|expecting .. compensation|damages=|reimbursement+for+our+losses',
        'otherwise|or+else|if+not .. further+steps|further+action|formal+action|formal+steps|legal+route',
        'contacting|calling|writing+to|going+to|reporting+you+to|report+you+to the+ftc|ftc=|the+cfpb|cfpb=|the+bbb|bbb=|trading+standards|the+police|consumer+protection',
      ],
      da: [
        'advokat|advokaten|advokater',
        'sagsog|sagsoge|sagsøge|retssag|domstol',
        'ser+jer+i+retten|i+retten+med',
        'forbrugerklagenaevnet|forbrugerombudsmanden|forbrugerradet|ankenaevn',
        'politianmeld|anmelde jer',
        'juridiske skridt',
        // Bringing a case, or claiming damages
        'laegge+sag+an|anlaegge+sag|anlaegger+sag|sagsanlaeg|staevning|staevne|erstatningskrav|erstatningssag|retslige+skridt',
        'kraever|kraeve|krav+om|forlanger|vil+have|onsker .. erstatning|godtgorelse|kompensation|skadeserstatning',
      ],
      de: [
        'anwalt|anwaltin|rechtsanwalt|anwalte|anwaelte',
        'verklagen|klage+einreichen|gericht|rechtliche+schritte|rechtsweg',
        'verbraucherzentrale|verbraucherschutz|schlichtungsstelle|bafin',
        'anzeige+erstatten|strafanzeige',
        'abmahnung',
        // Damages claimed, the legal department informed
        'fordern|fordere|verlangen|verlange|prufen|geltend|einfordern|einklagen|behalten .. schadensersatz|schadenersatz|schmerzensgeld',
        'schadensersatz|schadenersatz|schmerzensgeld .. fordern|fordere|verlangen|verlange|prufen|geltend|einfordern|einklagen',
        'schadensersatzanspruch|schadenersatzanspruch|schadensersatzforderung|schadenersatzforderung|schadensersatzklage|sammelklage',
        'rechtsabteilung|juristen|justiziar|justitiar|rechtsbeistand .. informiert|eingeschaltet|kontaktiert|eingebunden|melden|pruft|prueft|kummert|ubernimmt',
        'klage+erheben|klagen+werden|werde+klagen|werden+klagen|verklage|einklagen|klageschrift',
        'meine|unsere rechtsschutz',
      ],
      fr: [
        'avocat|avocats',
        'poursuivre|poursuites justice|judiciaires',
        'porter+plainte',
        'tribunal|tribunaux',
        'action+en+justice',
        'mise+en+demeure',
        'association+de+consommateurs|dgccrf|ufc|mediateur+de+la+consommation',
        // Damages claimed ("demander des dommages et intérêts")
        'dommages+et+interets|dommages+interets|reparation+du+prejudice|prejudice+subi',
        'exiger|exigeons|exige|reclamer|reclamons|reclame|reclamerons|reclamerai .. indemnisation|indemnite|indemnites|dedommagement|compensation+financiere',
        'saisir|saisirai|saisirons|saisis la+justice|le+tribunal|les+tribunaux|un+avocat|le+mediateur',
        'en+justice|devant+la+justice',
      ],
      es: [
        'abogado|abogados|abogada',
        'demandar|demandare|demandaremos|demandarlos|demandarles',
        'tribunal|tribunales|juzgado',
        'acciones+legales|medidas+legales|via+judicial',
        // A police or consumer complaint ("denunciar a un usuario" is a product question)
        'denunciarlos|denunciarles|denunciaros|denunciare|denunciaremos',
        'poner|presentar|interponer denuncia|demanda|querella',
        'oficina+del+consumidor|defensa+del+consumidor|omic|hoja+de+reclamaciones',
        // Damages or compensation claimed
        'danos+y+perjuicios',
        'reclamar|reclamaremos|reclamare|exigir|exigimos|exijo|exigiremos .. indemnizacion|compensacion|resarcimiento',
      ],
      nl: [
        'advocaat|advocaten',
        // "rechter=" exact: "rechterbovenhoek" is the top right corner
        'rechtszaak|aanklagen|rechter=|rechtbank',
        'juridische+stappen',
        'ingebrekestelling',
        'consumentenbond|geschillencommissie',
        'aangifte+doen',
        // Holding the company liable, or claiming damages
        'stellen|stel|houden|hou .. aansprakelijk',
        'eisen|eis|eist|claimen|vorderen|vorder .. schadevergoeding|schadeclaim|compensatie',
        'schadeclaim|dagvaarding|dagvaarden',
      ],
      sv: [
        'advokat|advokaten|jurist',
        'stamma er|dig|foretaget',
        'stamning|domstol|tingsratten|rattsliga+atgarder',
        'konsumentverket|allmanna+reklamationsnamnden',
        'anmala|anmaler|anmal .. arn=|konsumentverket|polisen',
        'polisanmala|polisanmalan',
        // Damages claimed ("kräva skadestånd")
        'krava|kraver|begara|begar|yrka|yrkar .. skadestand',
        'krava|kraver .. ersattning|kompensation',
        'rattsliga+steg',
      ],
    },
  },
  {
    key: 'hacked_account',
    name: 'Hacked accounts',
    enabled: true,
    phrases: {
      en: [
        // Asking how an intruder got in
        'how+did+they+get+in|how+did+someone+get+in|how+did+somebody+get+in|how+did+they+log+in|how+did+someone+log+in|how+did+they+break+in|how+did+someone+break+in',
        // The visitor says it outright
        'hacked|compromised|hijacked|breached',
        'did you|your+company|your+service|your+app|your+site .. leak|sell|expose my|our data|details|email|information|credentials|password|passwords|address|bank',
        'have|has you|your+company|your+service|your+app|your+site .. leaked|sold|exposed my|our data|details|email|information|credentials|password|passwords|address|bank',
        'leaked|stolen|exposed my|our bank|card|credentials|password|passwords|login|details',
        'hacker|hackers|scammer|scammers|fraudster got|has|have|took|changed|accessed|logged|stole|used|is|are|gained',
        'stolen account',
        'account|password|identity|credentials stolen|taken+over|takeover',
        'stole my account|password|identity|credentials|login',
        // Someone else is in the account
        'someone|somebody|stranger|hacker|unknown+person .. logged|logging|signed+in|signed+into|accessed|accessing|got+into|broke+into|is+using|has+been+using|was+using|took+over|has+access',
        'someone|somebody|stranger|hacker .. changed|reset|updated|modified my|our|the password|email|phone|number|details|address|recovery|2fa',
        'unauthori|unauthorized|unauthorised|suspicious|strange|unknown|unfamiliar login|logins|activity|access|sign+in|device',
        // Changes, orders or messages the visitor did not make
        'changed my password|email without',
        'wasn+t+me|was+not+me|weren+t+me|not+done+by+me',
        'email|e+mail|password|phone|number|address|details .. changed|updated|modified .. didn+t|did+not|wasn+t+me|not+me|not+by+me',
        'password|reset|login|verification email|request|notification|alert|code|link .. didn+t|did+not|never request|requested|ask|asked|initiate',
        'orders|posts|messages|emails|bookings|listings|tweets .. didn+t|did+not|never place|placed|make|made|send|sent|post|posted|book|booked',
        'order|post|message|booking|listing|tweet|reservation|purchase|video|photo on|in|from my|our account|profile|page|store|name .. didn+t|did+not|never|not+mine place|placed|make|made|send|sent|post|posted|book|booked|write|wrote|upload|uploaded',
        'messages|emails|posts|invites|spam|links being+sent|being+posted|getting+sent from|on my|our account|profile|page|email|number',
        'someone|somebody|stranger|person|people i|we don+t|do+not|never know|recognise|recognize|met .. using|logged|accessing|accessed|changed|in+my|in+our|has+access|is+in|got+in',
        'login|logins|sign+in|sign+ins|security alert|alerts|notification|email .. device|location|country|city|browser .. don+t|do+not|never|not+mine|unknown|unfamiliar',
        'login|logins|sign+in|sign+ins|activity .. never+been|never+made|never+used|wasn+t+me|weren+t+me|not+me|didn+t+make|don+t+recognise|don+t+recognize|do+not+recognise|do+not+recognize',
        // A sign-in from a place or device nobody on the visitor's side knows ("a session from a phone I
        // do not own", "logged in from an unknown location"); "from another device" alone is everyday use
        'logged|signed|accessed|a+login|a+sign+in|a+session|an+access|one+login .. unknown|strange|unfamiliar|unrecognised|unrecognized|weird|odd|random country|countries|city|state|continent|location|locations|place|places|ip|ips|device|devices|address',
        // An observed sign-in from another country; "I logged in from another country" is travel
        'a+login|a+sign+in|a+session|an+access|one+login|logins|sign+ins .. another|foreign country|countries|city|state|continent',
        'logged|signed|accessed|login|logins|sign+in|sign+ins|session|sessions|activity .. location|place|country|city|ip|device|address|phone|laptop|computer|browser|tablet|machine .. i|we|us don+t|do+not|never|didn+t|did+not|can+t|cannot know|recognise|recognize|been|visited|own|identify',
        // A sign-in was seen, and then things were gone or changed ("a sign-in from Lagos, and our folders are gone")
        'there+was|there+were|there+has+been|there+have+been|noticed|spotted|saw|shows|showed|showing .. login|logins|sign+in|sign+ins|signin|session|sessions .. and|now|since|then|afterwards|but .. gone|deleted|disappeared|missing|vanished|removed|wiped|erased|empty|changed|edited|cleared',
        'new+device|new+login|new+sign+in|login+alert|security+alert|sign+in+alert|login+notification|device+notification .. and|now|then|after|since .. changed|different|gone|deleted|not+mine|wasn+t+me',
        // Someone else is in the account, or acting as the visitor
        'someone|somebody|stranger|hacker|unknown+person .. been+in|was+in|were+in|got+in|is+in+my|is+in+our|been+inside',
        'someone|somebody|stranger|hacker|scammer|unknown+person .. sending|sent|posting|posted|messaging|emailing|spamming|ordering|ordered|booking|booked|placing|placed|buying|bought|paying|spending|using .. from|as|using|on|in|with my|our account|profile|name|page|email|behalf|card|saved+card|credit+card|paypal|wallet|credit',
        // Nobody on the visitor's side did it ("posting things none of us wrote")
        'none+of+us|nobody+here|no+one+here|neither+of+us|not+one+of+us .. wrote|posted|made|sent|did|created|changed|placed|booked|ordered|logged|signed',
        'email+address|recovery+email|login+email|billing+email|address|phone+number|recovery+phone|bank+account|bank+details|payout|iban .. i|we never|don+t|do+not seen|set|added|chose|chosen|recognise|recognize|entered',
        // Happened while the visitor was away, or without their knowledge
        'login|sign+in|logged|signed|session .. while|when i+was+asleep|i+was+sleeping|we+were+asleep|i+was+on+holiday|i+was+on+vacation|i+was+away|we+were+away',
        'account|profile|password|card|messages|orders|email|payment|details .. without+my+knowledge|without+me+knowing|behind+my+back|without+our+knowledge',
        'weird|strange|suspicious|odd|phishing messages|emails|dms|posts .. sent+from|from my|our account|profile|page|shop|store|email|number',
      ],
      da: [
        'hacket|hacked|hackede|kompromitteret|kapret',
        'nogen har logget|faet|aendret|brugt',
        'mistaenkelig|ukendt|maerkelig aktivitet|login|adgang',
        'var+ikke+mig|ikke+mig+der',
        // A login from somewhere unknown, then files gone
        'der+har+vaeret|der+var|et=|en= login|logind|indlogning|log+ind .. fra|i .. og|nu|men|siden .. vaek|forsvundet|slettet|aendret|mangler|tomme|tom=',
        'login|logget|logind|indlogning .. fra|i .. ukendt|ukendte|fremmed',
        'login|logget|indlogning|enhed|sted|ip .. vi|jeg .. ikke|aldrig .. kender|genkender|har+vaeret|ejer',
        'nogen|en=|person .. vi|jeg ikke|aldrig kender|genkender .. logget|logger|brugt|bruger|adgang|inde',
        'ordrer|bestillinger|opslag|beskeder|bookinger|kob .. pa|i min|vores konto|profil .. som|der jeg|vi ikke|aldrig .. lavet|bestilt|sendt|skrevet|foretaget|booket',
        'konto|profil|adgangskode|kodeord|kort|beskeder|ordrer .. uden+min+viden|uden+vores+viden|uden+at+jeg+vidste',
      ],
      de: [
        'gehackt|kompromittiert|gekapert',
        'jemand|fremde|unbekannte .. eingeloggt|angemeldet|zugegriffen|zugriff|geandert|benutzt',
        'jemand|fremde|unbekannte .. verschickt|versendet|sendet|schickt|postet|gepostet|bestellt|kauft|gekauft .. von|uber|mit|in meinem|unserem|meinen profil|konto|account|namen|karte',
        'konto|profil|passwort|karte|nachrichten|bestellungen .. ohne+mein+wissen|ohne+unser+wissen|ohne+dass+ich+es+wusste',
        'jemand hat eingeloggt|angemeldet|zugriff|geandert|zugegriffen',
        'verdachtige|unbekannte|fremde aktivitat|aktivitaten|anmeldung|anmeldungen|zugriffe|zugriff',
        'anmeldungen|logins|aktivitaten|zugriffe|bestellungen .. nicht+von+mir|nicht+ich|kenne+ich+nicht',
        'war|waren nicht+ich',
        // A sign-in none of them made ("eine Anmeldung aus Brasilien, da war keiner von uns")
        'anmeldung|login|zugriff|einloggen|eingeloggt|angemeldet|sitzung .. keiner+von+uns|niemand+von+uns|nicht+von+uns|waren+wir+nicht|war+ich+nicht|kennen+wir+nicht|kenne+ich+nicht|nicht+von+mir',
        'anmeldung|login|zugriff|eingeloggt|angemeldet|sitzung aus|von .. unbekannt|fremd|fremden|unbekannten',
        'eine|einen|es+gab+eine|es+gab+einen anmeldung|login|zugriff .. aus|von .. und|jetzt|seitdem .. weg|geloscht|verschwunden|geandert|leer|fehlen',
        'bestellungen|bestellung|nachrichten|beitrage|buchungen|kaufe .. die|das ich|wir nicht|nie .. gemacht|aufgegeben|getatigt|geschrieben|gesendet|gebucht|bestellt',
      ],
      fr: [
        'pirate|hacke=|hackee=|compromis|piratage',
        'quelqu un connecte|acces|modifie|utilise|change',
        'quelqu un .. accede=|entre=|penetre|pris+le+controle|utilise .. compte|profil|boutique|session',
        'activite|connexion|acces suspect|suspecte|inconnu|inconnue|inhabituelle',
        'etait+pas=+moi|c+est+pas=+moi|pas=+moi+qui',
        // A connection from somewhere unknown ("une connexion depuis un pays où je ne suis jamais allé")
        // "connexion" is also the visitor's internet connection: a country, an IP or "unknown" must follow
        'une|eu|vu|remarque|apparait connexion|connexions|acces|session .. depuis .. pays|ip|etranger|inconnu|inconnue|inhabituel|inhabituelle',
        'connexion|connecte|session|acces .. je|nous ne|n .. reconnais|reconnaissons jamais|pas',
        'commandes|commande|messages|publications|reservations|achats .. que .. jamais|pas .. passe|passees|passee|faites|fait|envoye|envoyes|publie|reserve',
        'compte|profil|mot+de+passe|carte|messages|commandes .. sans+que+je+le+sache|a+mon+insu|sans+que+je+sois+au+courant|sans+que+nous+le+sachions',
      ],
      es: [
        'hackeado|hackeada|hackearon|pirateado|pirateada|comprometida',
        // A stolen account, not a stolen phone ("me robaron el móvil" is a lost second factor)
        'robaron|robado|robada cuenta|contrasena|clave|datos|acceso|identidad|perfil',
        'alguien entro|accedio|inicio|cambio|usando|uso|entrado|accedido|metido|cambiado|borrado|usado',
        'actividad|acceso|inicio sospechoso|sospechosa|desconocido|extrano',
        'no+fui+yo',
        // A sign-in from somewhere nobody recognises
        'hubo|aparece|aparecen|vi|vimos|detecte|detectamos inicio+de+sesion|inicios+de+sesion|acceso|accesos|conexion|conexiones|sesion|login .. desde .. otro+pais|otra+ciudad|pais|extranjero|ip',
        'inicio+de+sesion|acceso|conexion|sesion|login|dispositivo|ubicacion .. que no reconozco|reconocemos|hice|hicimos',
        'alguien|persona|gente que no conozco|conocemos|reconozco .. usando|usa|entro|entrado|accede|accedido|conectado|cuenta',
        'pedidos|compras|mensajes|publicaciones|reservas .. que no|nunca .. hice|hicimos|realice|envie|publique|reserve|pedi|compre',
        'cuenta|perfil|contrasena|tarjeta|mensajes|pedidos .. sin+mi+conocimiento|sin+que+yo+lo+supiera|a+mis+espaldas|sin+mi+permiso',
        'dispositivo|ordenador|movil|telefono|ubicacion|ip .. que+no+es+mio|que+no+es+mia|que+no+son+mios|que+no+es+nuestro|ajeno',
      ],
      nl: [
        'gehackt|gekaapt|gecompromitteerd',
        'iemand ingelogd|toegang|veranderd|gewijzigd',
        'iemand .. ingelogd|veranderd|gewijzigd|gebruikt',
        'verdachte|onbekende|vreemde activiteit|login|inlog|aanmelding',
        'was+ik+niet|niet+door+mij',
        // Signed in from somewhere nobody knows ("vanaf een locatie die we niet kennen")
        'ingelogd|ingelogt|inlogpoging|een+inlog|een+login|een+aanmelding|sessie .. vanaf|uit|vanuit .. onbekend|onbekende|vreemde|ip',
        'ingelogd|inlog|login|aanmelding|sessie|locatie|apparaat|toestel|ip .. die|dat|wat we|ik niet|nooit kennen|ken|herkennen|herken',
        'bestellingen|bestelling|berichten|boekingen|aankopen|posts .. op|in|van mijn|ons account|profiel .. die|dat ik|we niet|nooit .. gedaan|geplaatst|gemaakt|verstuurd|besteld|geboekt',
        'account|profiel|wachtwoord|kaart|berichten|bestellingen .. zonder+dat+ik+het+wist|zonder+mijn+medeweten|zonder+dat+wij+het+wisten',
      ],
      sv: [
        'hackad|hackat|hackats|kapad|kapat|kapats',
        'nagon har loggat|kommit|andrat|anvant',
        'nagon .. loggat|andrat|anvant|kommit+in',
        'misstankt|okand|konstig aktivitet|inloggning',
        'var+inte+jag',
        // Signed in from somewhere nobody knows ("från ett land vi aldrig varit i")
        'loggats|loggat|loggade|en+inloggning|ett+inlogg .. fran .. okand|okant|okanda|ip',
        'inloggning|inloggad|loggat|loggats|enhet|plats|ip .. vi|jag inte|aldrig kanner|kanner+igen|varit|ager',
        'bestallningar|order|meddelanden|inlagg|bokningar|kop .. som jag|vi inte|aldrig .. gjort|lagt|skickat|bokat|kopt|bestallt',
        'konto|profil|losenord|kort|meddelanden|bestallningar .. utan+min+vetskap|utan+att+jag+visste|utan+var+vetskap',
      ],
    },
  },
  {
    key: 'lost_2fa',
    name: 'Lost two-factor authentication',
    enabled: true,
    phrases: {
      en: [
        // The phone or key holding the second factor is gone
        'lost|broke|broken|stolen|wiped|reset|died|dead|damaged|smashed|factory phone|device|mobile|cell .. 2fa|authenticator|authentication|mfa|code|codes|verification|two+factor|2+factor|otp|authy',
        'lost|lose|broke|broken|stolen|misplaced security+key|yubikey|hardware+key|authenticator|authy|token',
        '2fa|authenticator|authentication+app|mfa|two+factor|2+factor|two+step|2+step|authy|otp .. lost|stolen|broken|broke|deleted|wiped|gone|uninstalled|no+longer|don+t+have|do+not+have',
        '2fa|authenticator|authentication+app|mfa|two+factor|2+factor|two+step|2+step|authy|otp .. can+t+access|cannot+access|not+working|doesn+t+work|don+t+work|stopped+working|invalid|rejected|not+accepted',
        // No backup or recovery codes
        'no|lost|don+t+have|do+not+have|never+saved|never+got|can+t+find|cannot+find|misplaced|without backup|recovery codes|code|key|keys',
        'misplaced|lost|threw+away|thrown+away|burned|burnt .. backup|recovery|rescue|emergency codes|code|keys',
        'backup|recovery codes lost|don+t|dont|never',
        // The code does not arrive or cannot be produced
        'can+t|cannot|unable|couldn+t|not+able|not get|receive|access|find|use|generate|getting|receiving .. 2fa|authenticator|mfa|two+factor|backup+codes|otp',
        'can+t|cannot|unable|couldn+t|not+able|not get|receive|access|find|use|generate|getting|receiving .. verification+code|login+code|sms+code|security+code|authentication+code',
        'changed|new|lost|old phone+number|mobile+number|cell+number .. code|codes|sms|text|2fa|verification',
        'no+longer|lost|without|no access .. authenticator|2fa|mfa|two+factor',
        // Asking support to switch it off
        'please|pls|can+you|could+you|need+you+to .. disable|remove|reset|turn+off|bypass|deactivate|switch+off .. 2fa|mfa|two+factor|2+factor|two+step|2+step|authenticator',
        // The phone that held the codes is gone some other way (traded in, sold, dropped, reset), or the
        // codes were not moved over; "I upgraded my phone, how do I move 2FA?" stays a how-to question
        'traded|sold|gave+away|handed+in|handed+back|returned|dropped|drowned|cracked|formatted|erased|bricked|wiped|reset|factory|lost|stolen|broke|broken|smashed|died|dead|damaged phone|phones|device|mobile|cell|iphone|android|smartphone|handset .. authenticator|authy|2fa|mfa|otp|code|codes|tokens|two+factor|2+factor|verification|second+factor',
        'phone|device|mobile|cell|iphone|android|smartphone|handset .. traded|sold|given+away|handed+in|returned|dropped|drowned|cracked|formatted|erased|bricked|wiped|reset|stolen|lost|broke|broken|smashed|died|dead|damaged .. authenticator|authy|2fa|mfa|otp|code|codes|tokens|two+factor|verification',
        'forgot|forgetting|didn+t|did+not|never .. move|moving|transfer|transferring|migrate|migrating|export|exporting|copy|copying|back+up|backup|backing|save|saving|sync|syncing|print|printed|write|wrote|download|downloaded .. authenticator|authy|2fa|codes|tokens|otp|mfa|recovery|backup',
        // The codes lived on a phone the visitor no longer has, or go to a number that is gone
        'code+i|codes+i|code+we|codes+we|code+that+i|code+which+i don+t|do+not|no+longer|can+t|cannot|never have|get|access|receive|generate',
        'codes|code|authenticator|authy|2fa|otp|mfa|tokens were|was|lived|sat|stored|saved|kept on|in .. old|previous|work|broken|lost|stolen|former|dead|other|ex phone|device|mobile|iphone|handset|cell|laptop',
        'code|codes|sms|texts|text|otp .. goes|go|going|sent|sends|sending|arrives|delivered .. number|phone|mobile|sim .. i|we no+longer|don+t|do+not|cancelled|canceled|lost|gave|stopped|ported|closed|haven+t|dropped|ended|changed|got+rid',
        'code|codes|sms|texts|otp .. goes|go|going|sent|sends|sending|arrives|delivered .. old|previous|former|dead|disconnected|inactive|cancelled|canceled|lost|ex number|phone|mobile|sim|one=',
        // The hardware key broke
        'yubikey|security+key|hardware+key|titan+key .. snapped|cracked|broke|broken|lost|stolen|dead|died|damaged|destroyed|washed|missing|gone',
        // The phone went and the codes with it ("the phone fell in the pool, and with it the app that
        // gives me the codes", "the old one with the codes is sold")
        'phone|mobile|device|iphone|handset|cell|smartphone .. fell|fallen|sank|dropped|lost|stolen|broke|broken|died|wiped|reset|sold|traded .. with+it|along+with+it|and+with+it|went+with|gone+with .. app|apps|authenticator|authy|2fa|codes|code|tokens|otp',
        'codes|code|authenticator|authy|2fa|tokens|otp .. went|gone|disappeared|vanished|lost .. with+it|with+the+phone|with+the+old|along+with|with+that|with+them',
        'old|previous|former one|phone|mobile|device|iphone with|that+had .. codes|authenticator|authy|2fa|tokens .. sold|gone|stolen|lost|wiped|reset|broken|traded|returned|given+away',
        'backup|recovery|rescue codes|code|keys .. lost|gone|thrown+away|threw+away|deleted|stolen|destroyed|missing',
        // The only device for the codes is gone, or the authenticator came up empty
        'was+my+only|were+my+only|was+the+only|had+my+only|it+was+my+only .. way|device|phone|method|factor|copy .. codes|code|2fa|authenticator|sign|log',
        'authenticator|authy|2fa|otp+app .. is+empty|was+empty|empty|blank|shows+nothing|has+nothing',
        'codes|code|authenticator|authy|2fa|otp|tokens .. was|were|lived|sat|stored on+it|on+there|on+that+phone|on+that+device|on+the+phone',
        'was+the+device|was+my+device|was+the+phone|was+my+phone|was+the+only+device|was+the+one .. used|use .. authentication|2fa|codes|authenticator|two+factor|otp',
        'sim|number|phone+number .. deactivated|cancelled|canceled|disconnected|expired|blocked|gone|closed|ported|no+longer .. sms|code|codes|text|texts|otp|2fa|verification',
        'authenticator|authy|2fa .. crashed|won+t+open|doesn+t+open|reset+itself|lost+all|wiped',
      ],
      da: [
        'mistet|tabt|stjalet|odelagt|smadret|nulstillet telefon|mobil|enhed|2fa|totrins|tofaktor|to+faktor|authenticator|godkendelses|sikkerhedsnogle|kode|koder',
        '2fa|totrins|tofaktor|to+faktor|authenticator|godkendelsesapp virker+ikke|mistet|slettet|vaek',
        'ingen|mistet|har+ikke backupkoder|backup+koder|gendannelseskoder|genoprettelseskoder|sikkerhedskoder|backupkode',
        'ny telefon|mobil .. kan+ikke|virker+ikke|ikke+fa|ikke+modtage .. kode|koden|koder|2fa|totrins|godkendelse',
        'kan+ikke fa|modtage|finde kode|koden|koder|sms+kode|engangskode|2fa|totrins',
        // The phone was reset or given away, and the codes went with it
        'telefon|mobil|telefonen|mobilen|iphone|enhed .. nulstillet|nulstillede|solgt|byttet|afleveret|tabt|stjalet|smadret|odelagt|druknet|formateret|slettet|gik+i+stykker .. kode|koder|koderne|koden|2fa|totrins|tofaktor|godkendelse|authenticator',
        'koder|koderne|koden|authenticator|godkendelsesapp|2fa .. forsvandt|forsvundet|vaek|mistet|tabt',
        'gamle|gammel|forrige .. med .. koder|koderne|authenticator|2fa|godkendelse .. solgt|vaek|vaekke|stjalet|tabt|smadret|nulstillet|afleveret|byttet|odelagt',
        'telefon|mobil|telefonen|mobilen .. med+den|og+med+den|og+dermed .. koder|koderne|authenticator|2fa|godkendelse',
        'ikke+adgang|ingen+adgang .. authenticator|2fa|godkendelse|koder|koderne',
        'authenticator|2fa|godkendelsesapp|authy .. tom=|tomme',
      ],
      de: [
        'verloren|kaputt|gestohlen handy|telefon|2fa|authenticator|zwei+faktor|codes',
        'handy|telefon verloren|gestohlen|kaputt',
        '2fa|authenticator|zwei+faktor|zweifaktor|zwei+stufen .. verloren|funktioniert+nicht|nicht+mehr|weg|geloscht|gestohlen',
        'keine|verloren|ohne wiederherstellungscodes|backup+codes|backupcodes|notfallcodes|ersatzcodes|wiederherstellungscode',
        'bekomme|erhalte keinen|keine code|sms|bestatigungscode|anmeldecode',
        // The phone was reset, sold or dropped, and the codes went with it ("die Codes sind weg")
        'handy|telefon|smartphone|iphone|mobiltelefon|gerat .. verloren|gestohlen|kaputt|zuruckgesetzt|zurueckgesetzt|geloscht|formatiert|verkauft|abgegeben|zuruckgegeben|defekt|ins+wasser|runtergefallen|geklaut .. code|codes|authenticator|2fa|zwei+faktor|bestatigungscode|anmeldecode|token|authy',
        'code|codes|authenticator|2fa|token|authy|anmeldecodes .. weg|verloren|verschwunden|futsch',
        'handy|telefon|smartphone .. und+damit|mit+ihm|samt|zusammen+mit .. codes|code|authenticator|2fa|app',
        'kein+zugriff|keinen+zugriff|keinen+zugang|kein+zugang .. authenticator|2fa|codes|zwei+faktor',
        'authenticator|2fa|authy .. leer',
      ],
      fr: [
        'perdu|casse|vole telephone|2fa|authenticator|double+authentification|codes',
        '2fa|double+authentification|deux+facteurs|authenticator|authentification perdu|fonctionne+plus|fonctionne+pas|marche+plus|marche+pas',
        'pas|plus|aucun|perdu codes+de+recuperation|codes+de+secours|code+de+secours|code+de+recuperation',
        'recois|reçois|recevoir pas|plus code|sms',
        // A new, lost or reset phone, and the codes did not come along
        'change|changer|nouveau|perdu|casse|vole|reinitialise|remplace|vendu|formate|tombe telephone|portable|mobile|smartphone|iphone|appareil .. codes|code|authentificat|authenticator|2fa|double .. pas|plus|perdu|perdus|disparu|disparus|efface|effaces|supprime|supprimes',
        // The phone went, and the codes with it ("avec lui mes codes")
        'telephone|portable|mobile|smartphone|iphone .. vole|volee|perdu|casse|tombe|reinitialise|vendu .. avec+lui|avec+elle|et+avec|ainsi+que .. codes|code|authentificat|authenticator|2fa|application',
        'n+ai+plus|plus+acces+a|perdu|pas .. application|appli .. authentification|authentificat|2fa|double',
        'telephone|portable|mobile .. en+panne|hs=|mort|morte .. codes|code|authentification|authentificat|2fa|double',
        'plus+acces|pas+acces .. authentificat|authenticator|2fa|codes',
        'authenticator|authentificat|2fa|authy .. vide',
        'n+ai+plus|je+n+ai+plus|n+avons+plus .. codes|code|application+d+authentification|authenticator|2fa',
      ],
      es: [
        'perdi|perdido|roto|robado telefono|movil|celular|2fa|authenticator|doble+factor|dos+factores|codigos',
        '2fa|dos+factores|doble+factor|dos+pasos|authenticator|autenticacion perdi|no+funciona|ya+no',
        'no+tengo|perdi|sin codigos+de+recuperacion|codigos+de+respaldo|codigos+de+seguridad|codigo+de+recuperacion',
        'no llega|recibo|me+llega codigo|sms',
        // The phone with the codes was stolen, broken or wiped ("me robaron el celular, ahí tenía los códigos")
        'robaron|robo|rompio|rompi|cayo|formatee|formateado|reinicie|restableci|perdi|vendi|resetee|borre telefono|movil|celular|smartphone|iphone .. codigos|codigo|autenticador|authenticator|2fa|verificacion|app+de+los+codigos|app+de+codigos|app+de+autenticacion|aplicacion+de+autenticacion|app+de+verificacion',
        'telefono|movil|celular|smartphone .. y+con+el|con+el|junto+con|y+con+ello .. codigos|codigo|autenticador|authenticator|2fa|app',
        'sin+acceso|no+tengo+acceso|ya+no+tengo+acceso .. autenticador|authenticator|2fa|codigos',
        'autenticador|authenticator|2fa|authy .. vacia|vacio|en+blanco',
      ],
      nl: [
        'kwijt|verloren|kapot|gestolen telefoon|2fa|authenticator|tweestapsverificatie|twee+factor|codes',
        'telefoon|mobiel|toestel|authenticator .. kwijt|verloren|gestolen|kapot|gewist',
        '2fa|tweestapsverificatie|twee+factor|authenticator werkt+niet|kwijt',
        'geen|kwijt herstelcodes|back+up+codes|backupcodes|herstelcode',
        'ontvang|krijg geen code|sms',
        // The phone was reset or handed in, and the codes went with it
        'telefoon|mobiel|toestel|iphone|smartphone .. gereset|geformatteerd|ingeleverd|ingeruild|verkocht|gestolen|kwijt|kapot|gewist|gevallen .. codes|code|inlogcodes|authenticator|2fa|verificatie|tweestaps',
        'codes|inlogcodes|authenticator|2fa .. verdwenen|kwijt|weg|gewist|verloren',
        'telefoon|mobiel|toestel .. en+daarmee|daarmee|waarop|daarop|met+daarop .. codes|inlogcodes|authenticator|2fa|app',
        'geen+toegang|kan+niet+meer+bij .. authenticator|2fa|tweestaps|codes|verificatie',
        'telefoon|mobiel .. gecrasht|crasht|stuk|kapot .. authenticator|2fa|codes|inlogcodes|verificatie',
        'authenticator|2fa|authy .. leeg',
      ],
      sv: [
        'tappat|forlorat|trasig|stulen|stulits telefon|mobil|2fa|tvafaktor|tvastegs|authenticator|koder',
        '2fa|tvafaktor|tvastegsverifiering|authenticator fungerar+inte|tappat',
        'inga|tappat|forlorat|saknar aterstallningskoder|reservkoder|backupkoder|aterstallningskod',
        'far|kommer inte|ingen kod|koden|sms',
        // The phone was reset or lost, and the codes went with it
        'telefon|mobil|mobilen|telefonen|iphone|enhet .. aterstalld|aterstallde|aterstalldes|tappad|tappade|stulen|stals|trasig|formaterad|raderad|nollstalld|inlamnad|sald|salde .. kod|koder|koderna|autentisering|authenticator|2fa|tvastegs|tvafaktor',
        'koderna|koder|authenticator|autentiseringsappen .. forsvann|forsvunna|borta|raderades|forsvunnit',
        'telefon|mobil|mobilen|telefonen .. och+med+den|med+den|och+darmed|darmed .. kod|koder|koderna|authenticator|2fa|appen',
        'ingen+atkomst|inte+atkomst|ingen+tillgang .. authenticator|2fa|koder|koderna',
        'authenticator|2fa|authy .. tom=|tomt=',
      ],
    },
  },
  {
    key: 'data_protection',
    name: 'Data-protection requests',
    enabled: true,
    phrases: {
      en: [
        // A data-processing agreement to sign ("we need a signed DPA before we go live"); asking
        // whether one exists is a question the documentation answers
        'signed|countersigned|executed|countersign|sign+our|sign+the+attached|sign+this .. dpa=|data+processing+agreement|data+processing+addendum',
        'dpa=|data+processing+agreement|data+processing+addendum .. signed|countersigned|executed|signature',
        // The law named
        'dsar',
        'gdpr request|requests|rights|article|art=|deletion|erasure|access|subject',
        'under|per|according+to|invoking gdpr|ccpa|cpra|lgpd|pipeda',
        'ccpa|cpra|lgpd|pipeda request|rights|deletion|access',
        'art=|article 15=|16=|17=|18=|20=|21=',
        'subject+access|right+to+be+forgotten|right+to+erasure|right+of+access|right+to+access',
        // Someone else's data shown to the visitor
        'someone+else|somebody+else|another+person|another+user|another+customer|other+people|a+stranger .. in|on my|our account|dashboard|budget|inbox|feed|screen|statement|orders|profile',
        // Erase my data, my account and everything
        'delete|erase|remove|wipe all|everything|my data|information|info|personal',
        'delete|erase|remove|wipe my email|address|details|data|information from your system|systems|database|records|lists|mailing|servers',
        'delete|erase|wipe .. all|my information|info|personal+data|personal+information|data+you',
        'delete|erase|remove|wipe .. you have|hold|store|keep .. on|about me=',
        'delete|erase|remove|wipe|close my|our account|profile .. and|including|with|plus .. all|my|any data|information|info|personal|details|records',
        'please|kindly delete|erase|remove my|our account|profile|data',
        'want|like|need|request all|my .. data|information|info|details removed|deleted|erased|wiped',
        // Tell me or send me what you hold about me
        'what|which|all personal|data you|do have|hold|store|keep|collected about me',
        'data|information|info|details|everything|anything|whatever you|that+you hold|have|store|keep|process|processed|collected|collect .. about|on me=',
        'copy|export of my data|personal',
        'copy|overview|report of all .. personal+data|personal+information|my+data|my+information|data+you|information+you',
        'where did you|you get|got|obtain|obtained my|our email|data|details|information|number|address',
        // Consent, objection, selling
        'withdraw|withdrawing|revoke|revoking my consent',
        'do+not|don+t|stop sell|selling|sharing|share my|personal data|information',
        'stop|cease|object+to|restrict processing|using my|personal data|information',
        // Authorities and breaches
        'data+protection officer|authority',
        'dpo=',
        'data+breach',
        'privacy+complaint',
        // Leaving and taking every trace along ("close my account for good and keep nothing about me");
        // the erasing word must name data, so "cancel and delete my notes" stays a how-to question
        'close|delete|shut|remove|terminate|cancel|end|deactivate .. account|profile|membership|subscription .. and|then|plus|also .. erase|wipe|purge|delete|remove|destroy|scrub|forget .. everything|data|information|info|details|records|traces|trace|personal',
        'close|delete|shut|remove|terminate|cancel|end|deactivate .. account|profile|membership|subscription .. and|then|plus|also .. don+t+keep|do+not+keep|keep+nothing|nothing+about|nothing+of',
        // Told, not asked: "why don't you keep my card details?" is a product question
        'please|and|also|then|want+you+to|ask+you+to|i+demand|you+must|you+should+not .. don+t|do+not|never|stop|no+longer keep|keeping|retain|retaining|hold|holding .. my|any|anything .. data|details|information|info|records|personal',
        'nothing+about+me|nothing+of+mine|nothing+on+me|none+of+my+details|none+of+my+data|none+of+my+information|none+of+my+personal|none+of+our+data|no+trace+of+me|no+data+about+me|no+information+about+me|no+record+of+me .. stays|remains|remain|stay|left|kept|stored|retained',
        'want|don+t+want|do+not+want .. anything|nothing|none|no+trace|no+data .. of+mine|about+me|of+me|on+me .. left|remaining|remain|stay|stays|kept|stored|retained',
        'removed|deleted|erased|wiped|purged from .. everything|all+records|all+your|your+records|your+systems|your+system|your+database|your+databases|all+systems|all+lists|all+databases',
        'wipe|erase|purge|delete|remove .. account|profile .. and .. every|everything .. about+me|linked|tied|associated|connected|related|i+ever|i+have+ever|of+mine|message|messages|post|posts|photo|photos|record|records|trace|traces',
        'purge|scrub|wipe|erase|destroy|delete|remove .. everything|all|anything tied+to|linked+to|connected+to|associated+with me=|my+email|my+name|my+address|my+account|my+phone',
        'erase|delete|remove|wipe|purge|scrub me=|us= from .. your|the database|databases|system|systems|records|servers|lists|mailing|crm|everything',
        'delete|erase|remove|wipe|purge|destroy .. everything|anything|all about|concerning|regarding me=',
        'take|remove|delete|erase|strike me=|us=|my+name|my+details|my+email|my+address|my+number|my+info|my+information|my+data|my+contact|our+details .. out+of|off+of|off= your .. database|databases|system|systems|records|list|lists|mailing|crm|servers|files|books',
        'want|need|demand|expect|like|please|make+sure .. every+record|all+records|every+trace|all+traces|everything|all+data|all+my+data|all+information .. about+me|of+me|on+me .. gone|deleted|erased|removed|wiped|destroyed|purged',
        'every|all|any trace+of+me|traces+of+me|trace+of+us|traces+of+us',
        // How the company got the visitor's details at all
        'how|where did you get|obtain|find|buy my email|address|number|phone|details|data|information',
      ],
      da: [
        'underskrevet|underskrevne .. databehandleraftale',
        'databehandleraftale .. underskrevet',
        'gdpr anmodning|rettigheder|sletning|indsigt|art=|artikel',
        'i+henhold+til|ifolge|iflg|jf gdpr',
        'slet|slette|fjern|fjerne mine|alle data|oplysninger|persondata|personoplysninger',
        'slet|slette|slettet|sletning|luk|lukke .. konto|kontoen|profil .. alle|mine .. data|oplysninger|persondata|personoplysninger',
        'personoplysninger|persondata|oplysninger|data|alt i|jer har|gemmer|opbevarer|behandler om+mig',
        'indsigt+i|indsigtsanmodning|indsigtsbegaering',
        'retten+til+at+blive+glemt',
        'hvilke data|oplysninger om+mig',
        'datatilsynet|databeskyttelsesradgiver',
        // Keep nothing about me ("sørg for at I ikke gemmer noget om mig")
        // Addressed to them ("at I ikke gemmer noget om mig"), not to the app ("at appen ikke gemmer")
        'i=|jer ikke|aldrig gemmer|gemme|opbevarer|opbevare|beholder|beholde|gemt .. noget|nogen|mine|data|oplysninger|om+mig',
        'luk|lukke|slet|slette|nedlaeg|opsig .. konto|kontoen|profil|profilen|medlemskab .. og .. slet|slette|fjern|fjerne|ikke+gemmer|ikke+gemme|intet|ingenting',
        'anmoder|anmode|onsker|beder|kraever .. indsigt|aktindsigt|registerindsigt',
      ],
      de: [
        'unterschriebenen|unterzeichneten|unterschrieben|unterzeichnet .. avv=|auftragsverarbeitungsvertrag|auftragsverarbeitungsvereinbarung',
        'dsgvo|gdpr anfrage|antrag|auskunft|loschung|artikel|art',
        'gemass|gemaess|laut|nach|entsprechend dsgvo|gdpr',
        'auskunftsersuchen|datenauskunft',
        'auskunft meine|uber daten',
        'meine daten loschen|entfernen|herausgeben|auskunft',
        'daten loschen',
        'loschen|loscht|entfernen .. konto|account|profil .. alle|meine|samtliche .. daten',
        'recht+auf vergessenwerden|loschung|auskunft',
        'welche daten uber+mich',
        'daten|alles|informationen sie|ihr .. uber+mich',
        'datenschutzbeauftragt|datenschutzbehorde',
        // Destroy everything about me, keep nothing
        'alles|samtliche+daten|alle+daten|alle+meine+daten uber+mich|von+mir .. loschen|vernichten|entfernen|tilgen|loscht|vernichtet',
        'nichts|keine+daten|keinerlei+daten uber+mich|von+mir .. speichern|behalten|aufbewahren|gespeichert|bleibt|bleiben',
        'konto|account|profil|mitgliedschaft .. schliessen|loschen|kundigen|auflosen|schliesst|loscht|kundigt .. und .. alles|samtliche|alle+daten|nichts .. loschen|vernichten|entfernen|speichern|behalten',
        'speichern|behalten|aufbewahren|speichert|behaltet .. keine|keinerlei|nichts .. von+mir|uber+mich|meiner|meine+daten',
        'mochte|moechte|will|bitte|verlange|fordere|wunsche .. konto|account|profil .. samt|mit|inklusive|einschliesslich|und .. allen|aller|samtlichen|meinen .. daten .. geloscht|entfernt|vernichtet',
        'loschen|losche|loscht|entfernen|entfernt .. alle+meine|meine+daten|meine+persoenlichen|meine+personlichen|unsere+daten',
      ],
      fr: [
        'signe=|signee=|signes=|signees= .. dpa=|accord+de+traitement|contrat+de+sous+traitance',
        'rgpd|gdpr demande|droit|droits|article|suppression|effacement',
        'selon|conformement+au|au+titre+du|en+vertu+du rgpd|gdpr',
        'supprimer|effacer|supprimez|effacez mes|toutes donnees|informations',
        'supprimer|effacer|supprimez|effacez|fermer|fermez .. compte .. toutes|mes .. donnees|informations',
        'acces|copie mes|toutes donnees+personnelles',
        'droit+a+l+oubli|droit+d+acces|droit+a+l+effacement',
        'quelles donnees sur+moi',
        'donnees|informations|infos|tout vous|avez .. sur+moi|me+concernant',
        'cnil',
        'delegue+a+la+protection',
        // Keep none of my information ("ne conservez aucune de mes informations")
        // Addressed to them ("ne conservez aucune de mes informations"), not "comment ne pas garder"
        'ne= conservez|gardez|stockez|conserviez|gardiez|stockiez .. aucune|rien|mes|mon|aucun .. donnees|informations|infos',
        'supprimer|effacer|supprimez|effacez|supprimiez|effaciez|detruire|detruisez .. tout+ce+qui+me+concerne|me+concernant|sur+moi',
        'mon|mes|notre|nos compte|donnees|informations .. soient+supprim|soit+supprim|soient+effac|soit+effac|soient+detrui|soit+detrui',
        'fuite .. donnees|informations|infos',
      ],
      es: [
        'firmado|firmada .. dpa=|acuerdo+de+tratamiento|contrato+de+encargado',
        'rgpd|gdpr|lopd solicitud|derecho|derechos|articulo|supresion|acceso',
        'segun|conforme+al|en+virtud+del|bajo rgpd|gdpr|lopd',
        'borrar|eliminar|suprimir|borren|eliminen mis|todos datos',
        'borrar|borren|eliminar|eliminen|cerrar|cierren .. cuenta .. todos|mis .. datos|informacion',
        'derecho+al+olvido|derecho+de+acceso|derecho+de+supresion',
        'que datos sobre+mi|tienen+de+mi',
        'aepd|delegado+de+proteccion',
        // Keep none of my data ("que no guarden nada de mis datos")
        'no guarden|conserven|almacenen|mantengan|guardeis|conserveis .. nada|ningun|ninguna|mis .. datos|informacion|dato',
        'todo|datos|informacion .. tengan|tienen|guarden|guardan|tengais|teneis .. sobre+mi|de+mi|acerca+de+mi',
        'borrad|borren|borre|borrar|eliminad|eliminen|elimine|eliminar .. mis+datos|todos+mis+datos|mi+informacion|nuestros+datos',
      ],
      nl: [
        'ondertekende|getekende .. verwerkersovereenkomst',
        'verwerkersovereenkomst .. ondertekend|getekend',
        'avg=|gdpr verzoek|rechten|artikel|verwijdering|inzage',
        'volgens|onder|conform avg=|gdpr',
        'verwijder|verwijderen|wissen mijn|alle gegevens|data|persoonsgegevens',
        'verwijder|verwijderen|wis|wissen|opheffen|sluit .. account|profiel .. al|alle|mijn .. gegevens|data|persoonsgegevens',
        'inzage .. persoonsgegevens|gegevens',
        'inzageverzoek|recht+op+vergetelheid|recht+op+inzage',
        'welke gegevens over+mij',
        'gegevens|alles|informatie|data jullie|u .. van|over mij',
        'autoriteit+persoonsgegevens|functionaris+gegevensbescherming',
        // Keep nothing of me ("bewaar niets meer van mij")
        'bewaar|bewaren|bewaart|opslaan|houden|sla|bewaar niets|niks|geen .. van+mij|over+mij|mijn+gegevens|mijn+data|persoonsgegevens',
        'opheffen|hef|sluit|sluiten|verwijder|verwijderen|opzeggen|zeg .. account|profiel|lidmaatschap .. en .. alle+gegevens|al+mijn+gegevens|mijn+gegevens|mijn+data|niets+meer|alles+van+mij',
        'wil|graag|verzoek|eis .. al|alle mijn+gegevens|mijn+data|mijn+persoonsgegevens .. wissen|verwijderen|verwijdert|wist|vernietigen',
      ],
      sv: [
        'signerat|undertecknat|signerade|undertecknade .. personuppgiftsbitradesavtal|pub+avtal|dpa=',
        'personuppgiftsbitradesavtal .. signerat|undertecknat',
        'gdpr begaran|rattigheter|radering|artikel',
        'enligt gdpr',
        'radera|ta+bort mina|alla uppgifter|data|personuppgifter',
        'radera|raderar|ta+bort|tar+bort|avsluta|avslutar .. konto|kontot .. all|alla|min|mina .. data|uppgifter|personuppgifter',
        'registerutdrag',
        'ratten+att+bli+glomd',
        'vilka uppgifter om+mig',
        'integritetsskyddsmyndigheten|dataskyddsombud',
        // Keep nothing about me ("spara ingenting om mig")
        'spara|sparar|lagra|lagrar|behall|behalla|behaller|spar ingenting|inget|inga|inte .. om+mig|mina+uppgifter|personuppgifter|mina+data|min+data',
        'allt|uppgifter|data|information .. ni|du har|sparar|lagrar .. om+mig',
      ],
    },
  },
  {
    key: 'billing_dispute',
    name: 'Billing disputes',
    enabled: true,
    phrases: {
      en: [
        // Paid, and still locked out of what was paid for
        'paid|payed|settled .. but|still|yet .. still|yet .. locked|read+only|suspended|blocked|rejected|disabled|restricted|no+access',
        // The bank asking the company to answer a dispute
        'respond+to|reply+to|answer the|my dispute|chargeback',
        'bank|card+issuer|card+company|paypal|credit+card+company says|said|told|asked|asks .. dispute|chargeback',
        // Charged more than once
        'charged|billed|debited|taken|deducted|charging|billing|charge|charges twice|double|two+times|2+times|2x|x2|thrice|three+times|3+times|3x|x3|4x|four+times|multiple+times|several+times|again',
        'double|duplicate|duplicated charge|charged|billing|billed|payment|transaction',
        'took|taken|withdrew|withdrawn|deducted|debited money|payment|payments .. twice|double|two+times|2+times|three+times|3+times',
        'two|2|three|3|multiple|several|duplicate charges|payments|transactions|debits for+the+same|this+month|same',
        // Charged the wrong amount
        'charged|billed|debited me wrong|wrongly|incorrect|incorrectly|too+much|more+than|extra',
        'overcharged|overbilled|overcharging|overcharge',
        'wrong|incorrect amount|charge|charges|bill|total',
        'invoice|bill|charge is|was|looks wrong|incorrect',
        'my bill|invoice|charge|charges|payment .. higher+than|so+high|too+high|doubled|tripled',
        // A charge the visitor does not recognise or never agreed to
        'unauthori|unauthorised|unauthorized|unknown|unexpected|unrecognised|unrecognized|mystery|random|strange|weird|odd|suspicious|fraudulent charge|payment|transaction|debit',
        'don+t|dont|do+not recognise|recognize charge|payment|transaction|debit|this',
        'never|not|didn+t|didnt|did+not authori|authoriz|approve|approved|make|made|agree this|that|the|these payment|payments|charge|charges|transaction|debit',
        'charge|charges|payment|transaction|debit .. don+t|dont|do+not|doesn+t recognise|recognize',
        'charge|charges|payment|transaction|debit|debits|withdrawal .. from .. never+heard+of|no+idea+who|never+seen+before|don+t+know|do+not+know',
        'charged|billed|charging|charge|charges|payment|invoice|debit .. never|didn+t|did+not|don+t|do+not sign|signed|subscribe|subscribed|order|ordered|purchase|purchased',
        'charged|billed|charging|charge|charges|payment|invoice|debit .. never|didn+t|did+not|don+t|do+not buy|bought|agree|agreed|make|made|authori',
        'dispute|disputing|contest|contesting this|that|these|those|my|the|your charge|charges|payment|invoice|bill|transaction|fee|debit',
        'my|why .. bill|invoice|charge|charges|subscription go+up|went+up|gone+up|increased|doubled|tripled|jumped',
        'why was|were|have|did|am|are i|you charged|billed|charging|billing|charge|bill',
        'you|they took|taken|withdrew|deducted|debited|stole money|funds',
        'free|trial .. but .. charged|billed|took|taken|debited|deducted|withdrew',
        // Still charged after cancelling or downgrading
        'still being|getting|still charged|billed|charging',
        'was|were|am|been|got|keep|kept still charged|billed|debited',
        'still charged|charging|billing me',
        'charged|billed|charging after cancel|cancelling|canceling|cancellation',
        'cancel|cancelled|canceled but charged|billed',
        'cancel|cancelled|canceled|cancellation .. still charged|billed|charging|billing|charges|charge',
        'downgraded|cancelled|canceled|unsubscribed|closed|deleted|removed|paused|ended|stopped .. still|but|yet .. charged|billed|charging|charge|took|taken|debited',
        'charged|billed|charging|charge|took|taken|debited .. after|since|though|despite|when|although|even+though|while .. cancelled|canceled|deleted|closed|downgraded|unsubscribed|ended|stopped|uninstalled|removed',
        // Paid, but the account does not show it
        'paid|payed|payment|renewed .. but|still|yet|however .. locked|blocked|suspended|unpaid|overdue|restricted|inactive|deactivated|disabled|expired',
        'paid|payed|payment|renewed .. but|still|yet|however .. not+active|not+activated|downgraded|no+access|read+only|not+showing|not+reflected|not+updated|free+plan',
        // The same payment more than once, seen on a statement ("there are two payments of 9.99 on the
        // same day", "identical transactions on my statement"); "two payments" alone can be instalments
        'identical charges|payments|transactions|debits|withdrawals|deductions',
        'two|2|three|3|four|4|multiple|several charges|payments|transactions|debits|withdrawals .. same+day|same+date|same+order|same+invoice|same+month|same+amount|same+time|same+purchase|same+subscription|identical|statement',
        'bank|banking|statement|statements .. two|2|three|3|four|4|identical|duplicate|double|multiple charges|payments|transactions|debits|withdrawals',
        'there+are|there+were|noticed|spotted|saw .. two|2|three|3|four|4|multiple|several|identical|duplicate|double charges|payments|transactions|debits|withdrawals|deductions',
        // Charged with no account or subscription at all ("a charge from you, but neither of us has an account")
        'charged|billed|debited|took|taken|withdrew|withdrawn|deducted|charge+from+you|charges+from+you|payment+to+you|payments+to+you|money+left|money+went .. never|neither|nobody|no+one|not+even|didn+t|did+not .. have|had|has|created|opened|made|signed|registered|set .. account|accounts|subscription|login|membership|profile',
        'subscription|subscriptions|membership|memberships|plan .. i|we never|didn+t|did+not|don+t+remember|do+not+remember create|created|open|opened|sign|signed|set|register|registered|order|ordered|start|started|agree|agreed|choose|chose|buy|bought',
        // Paid, and a while later still locked ("paid an hour ago and the export is still greyed out")
        'paid|payed|bought|purchased|upgraded|renewed|took+my+money|charged+me .. ago|already|yesterday|today|just|and|but .. still|yet .. locked|greyed|grayed|disabled|unavailable|blocked|inactive|not+active|not+activated|not+unlocked|not+available|free+plan|free+version|free+user|free+account|free+tier|free+member|trial+user|non+paying|not+premium|no+access',
        'took+my+money|taken+my+money|money+was+taken|charged+me|was+charged|been+charged|payment+went+through|paid .. no|never|without|didn+t+get|didn+t+receive|haven+t+received|haven+t+got confirmation|receipt|access|licence|license|activation|key|login',
        // A discount, coupon or promotion that was not applied to what was charged
        'discount|discounts|coupon|coupons|promo|promotion|voucher|vouchers|student+price|student+pricing .. never|didn+t|did+not|wasn+t|was+not|weren+t|were+not|hasn+t|has+not|haven+t|have+not|isn+t|is+not .. applied|apply|honoured|honored|honour|honor|deducted|subtracted|reflected|taken+off|counted|showed+up|show+up|appeared|shown',
        'discount|discounts|coupon|coupons|promo|promotion|voucher|vouchers .. but .. full|regular|normal|standard|original|undiscounted price|amount|rate|fee|total',
        'stripe|paypal|you|they|i+was|i+got|we+were|we+got|been|was|were|got charged|billed|invoiced|debited|deducted .. full|regular|normal|standard|original|undiscounted price|amount|rate|fee|total',
        'i|we paid|payed .. full|regular|normal|standard|original|undiscounted|list|retail|sticker price|amount|rate|fee',
        // Renewed although automatic renewal was off; billed for a tier the visitor is not on
        'renewed|renewal|charged|billed|debited|took .. although|though|despite|even+though|while .. auto+renew|autorenew|auto+renewal|renewal|renewals|automatic+renewal was|were|been|had off=|disabled|cancelled|canceled|deactivated|turned|switched',
        'renewed|renewal|charged|billed|debited|took .. although|though|despite|even+though|while|after .. i|we switched+off|turned+off|disabled|cancelled|canceled|deactivated .. auto+renew|autorenew|auto+renewal|renewal|renewals',
        'was|were|been|being|got|keep|still|you|they charged|billed|invoiced|charging|billing|invoicing .. plan|tier|seats|users|licences|licenses|package|edition|version .. while|but|though|although|yet|even+though|when .. we|i .. on|have|only|never|downgraded|cancelled|canceled',
        // Money went out more than once, a few words apart ("the fee went out twice", "twice on the same day")
        'went+out|came+out|gone+out|pulled|processed|collected|drawn|went+through|gone+through|came+off|taken+out|withdrawn|paid twice|two+times|double|three+times|thrice',
        'twice|two+times|double|three+times|thrice .. same+day|same+date|same+order|same+invoice|same+month|same+week|one+day|same+amount|same+sum|same+price|same+charge|same+payment',
        'why+is+there|why+are+there|what+is+this|what+are+these|what+s+this .. charge|charges|payment|payments|debit|debits|transaction|transactions .. on+my|to+you|from+you|my+card|my+statement|my+account|my+visa|my+bank',
        // Past-tense takings more than once, further apart ("your shop took £64 two times"); not "charge
        // twice a year", which is a question about billing periods
        'took|taken|withdrew|withdrawn|deducted|debited .. twice|two+times|three+times|thrice|double',
        // Never heard of the company, yet money goes to it; never signed up, yet charged
        'never+heard+of|never+used|no+idea+who|don+t+know+who|do+not+know+who|never+been+a+customer|never+been+your+customer|never+had+an+account|not+a+customer|never+bought|never+ordered .. payment|payments|charge|charges|debit|debits|money|billed|charged|subscription',
        'never|didn+t|did+not .. signed+up|sign+up|created|registered|subscribed|ordered|opened .. but|yet|still|and+yet|however .. charged|billed|debited|took|taken|withdrew|deducted|money|payment',
        // A code that showed a discount at checkout, and the full amount on the receipt
        'code|codes .. but .. full|regular|normal|standard|original|undiscounted price|amount|rate|fee|total',
        // Upgraded, and the plan still cannot be used
        'paid|payed|bought|purchased|upgraded|renewed .. and|but|yet .. still|yet .. can+t+use|cannot+use|can+not+use|can+t+access|cannot+access|unable+to+use|unable+to+access|not+able+to+use',
        // Billed for a plan the contract or order does not say
        'was|were|been|being|got|keep|still|you|they charged|billed|invoiced|charging|billing|invoicing .. plan|tier|seats|users|licences|licenses|package|edition|version .. while|but|though|although|yet|even+though|when .. our|my contract|agreement|order|quote|subscription|account|plan',
        // Two subscriptions for one sign-up; both cards charged; a family member used the card
        'two|2|three|3|multiple|double|duplicate subscriptions|memberships|renewals .. only+ever|only+signed|only+subscribed|signed+up+once|subscribed+once|only+bought|only+ordered',
        'charged+both|billed+both|debited+both|charged+two+cards|billed+two+cards',
        'someone|somebody|son|daughter|child|kid|kids|children|partner|husband|wife|friend|brother|sister|he|she|they .. used|took|borrowed my+card|my+credit+card|my+debit+card|my+paypal|my+payment .. without+asking|without+permission|without+my|behind+my',
        'son|daughter|child|kid|kids|children|teenager .. bought|purchased|spent|paid|charged|used+my+card .. without|didn+t+ask|not+asking|by+mistake|accidentally',
        // Quoted one price, charged another; a code accepted but the total unchanged
        'told|said|quoted|promised|advertised|shown|stated .. would+cost|costs|cost|price|priced|would+be|at= .. but|yet|however|instead .. charged|billed|came+off|taken|deducted|debited|paid|took',
        'code|coupon|discount|promo|voucher .. accepted|applied|entered|worked .. but|yet .. total|price|amount|invoice|charge .. didn+t|did+not|unchanged|same|still|full',
        'paid|payed|bought|purchased|upgraded .. ago|already|yesterday|today|just|and|but .. still .. shows|says|showing|displays|lists|on .. free|basic|starter|trial|lite|unpaid|overdue',
        'charged|billed me|us for two|2|three|3 months|years|renewals|periods .. at+once|together|same+time|in+one',
        'had+to+pay|ended+up+paying|ended+up+being+charged .. full|regular|normal|list|standard price|rate|amount',
      ],
      da: [
        'trukket|opkraevet|debiteret|betalt|haevet to+gange|2+gange|tre+gange|3+gange|flere+gange|dobbelt',
        'dobbelt trukket|betaling|opkraevning|traekning|betalt',
        'forkert belob|faktura|opkraevning|regning|traekning|pris',
        'for+meget trukket|opkraevet|betalt',
        'trukket|opkraevet|betalt for+meget',
        'dobbelttrukket|dobbeltbetal|dobbeltopkraev',
        'uautoriseret|ukendt|uventet traekning|betaling|opkraevning',
        'hvorfor er|har i|jeg trukket|opkraevet|betalt',
        'stadig trukket|opkraevet|betale',
        'trukket|opkraevet efter opsag|opsigelse|opsagt',
        'trukket|opkraevet|debiteret .. selvom|efter|trods .. opsagt|opsag|opsigelse|lukket|slettet|annulleret',
        'ikke genkender|kender traekning|betaling|beløbet|belobet',
        'betalt|betaling .. men|stadig .. last|laast|spaerret|blokeret|lukket|ubetalt|inaktiv|ikke+aktiv|udlobet',
        // The same payment twice on the statement ("to ens betalinger"); charged with no account at all
        'to=|2=|tre=|3=|flere .. traek|traekninger|haevninger|opkraevninger',
        'ens=|identiske|dobbelte .. betalinger|traek|traekninger|opkraevninger|transaktioner|haevninger|belob',
        'trukket|taget+penge|haevet+penge|opkraevet|debiteret .. selvom|skont|trods|selv+om .. aldrig|ikke|ingen .. abonnement|konto|kontoen|bruger|profil|medlemskab|oprettet|bestilt|tilmeldt|kobt|godkendt',
        'trukket|taget+penge|haevet+penge|opkraevet|debiteret .. uden .. abonnement|konto|bruger|profil|medlemskab|oprettet|bestilt|tilmeldt|kobt|godkendt',
        // A discount that was not deducted; the full price paid
        'rabat|rabatkode|rabatkoden|kupon|kuponen|kuponkode|studierabat|studierabatten .. ikke|aldrig .. trukket|fratrukket|brugt|anvendt|modregnet|registreret|godkendt|kommet',
        'betalt|opkraevet|trukket fuld|fulde|normal|normalpris',
        'betalt|kobt|opgraderet .. stadig|endnu+ikke|men .. ikke+aktiv|ikke+laast+op|ikke+frigivet|ikke+adgang|laast|last|spaerret|graa|gratis|gratisversion|gratisversionen',
        'aldrig .. konto|abonnement|profil .. oprettet|bestilt|tegnet|tilmeldt .. men|alligevel|stadig|trods+det .. trukket|opkraevet|haevet|penge',
        'trukket|opkraevet|debiteret|haevet .. to+gange|tre+gange|flere+gange|dobbelt',
        'abonnement|medlemskab .. jeg|vi aldrig|ikke .. bestilt|oprettet|tegnet|tilmeldt|godkendt|kobt',
        // Never a customer, yet money was taken; the same amount twice
        'aldrig+vaeret+kunde|aldrig+haft|aldrig+brugt|aldrig+hort+om|ikke+kunde|aldrig+kobt .. trukket|opkraevet|haevet|debiteret|penge',
        'to+gange|dobbelt .. samme+belob|samme+dag|samme+ordre|samme+bestilling',
        'betaling|traek|haevning|transaktion|belob .. som|der jeg|vi ikke kender|genkender',
        'matte|maatte .. fuld|fulde|normal pris',
      ],
      de: [
        'doppelt|zweimal|dreimal|mehrfach|mehrmals abgebucht|berechnet|belastet|bezahlt|abgerechnet|eingezogen|abgezogen',
        'doppelte abbuchung|belastung|zahlung|rechnung',
        'falsche|fehlerhafte rechnung|abbuchung|betrag|belastung',
        'zu+viel|zuviel berechnet|abgebucht|bezahlt',
        'unberechtigte|unautorisierte|unbekannte abbuchung|belastung|zahlung',
        'nicht+autorisiert|nicht+genehmigt',
        'abbuchung|belastung|zahlung|rechnung|abgebucht|berechnet .. nie|nicht bestellt|abonniert|autorisiert|genehmigt|gekauft',
        'warum wurde|wurden|habt|haben mir|ich berechnet|abgebucht|belastet',
        'abbuchung|rechnung|zahlung widersprechen|reklamieren|beanstanden|zuruckbuchen',
        'rechnung stimmt+nicht|ist+falsch',
        'immer+noch berechnet|abgebucht',
        'doppelbuchung|doppelabbuchung|doppelbelastung|doppelt+belastet',
        'nach+der+kundigung|trotz+kundigung abgebucht|berechnet',
        'kundigung|gekundigt .. weiter|trotzdem|noch|immer+noch .. belastet|abgebucht|berechnet',
        'bezahlt|gezahlt|zahlung|uberwiesen .. aber|trotzdem .. nach+wie+vor|immer+noch|noch+immer|weiterhin|noch .. gesperrt|blockiert|deaktiviert|unbezahlt|inaktiv|eingeschrankt|nicht+freigeschaltet|nicht+aktiv',
        'bezahlt|gezahlt|zahlung|uberwiesen .. aber|trotzdem|immer+noch|noch+immer|weiterhin .. gesperrt|blockiert|deaktiviert|unbezahlt|inaktiv|nicht+aktiv|eingeschrankt',
        // The same payment twice on the statement ("zwei identische Zahlungen", "zwei Abbuchungen")
        'zwei|drei|2|3|mehrere .. abbuchungen|belastungen',
        'identische|gleiche|doppelte|selbe .. zahlungen|abbuchungen|buchungen|belastungen|transaktionen|betrage|lastschriften',
        'kontoauszug|kreditkartenabrechnung|bankauszug|umsatze .. zwei|drei|2|3|mehrere zahlungen|buchungen|transaktionen|betrage',
        // Charged with no subscription or account at all
        'abgebucht|eingezogen|belastet|berechnet|abgezogen|geld+abgebucht|geld+eingezogen .. obwohl|ohne|trotzdem|trotz .. nie|kein|keinen|keine|nicht .. abo|abonnement|konto|account|vertrag|registriert|angemeldet|bestellt|abgeschlossen',
        'obwohl|ohne .. nie|kein|keinen|keine|nicht .. abo|abonnement|konto|account|vertrag|registriert|angemeldet|bestellt .. wurde+geld|geld+abgebucht|abgebucht|eingezogen|belastet|berechnet|abgezogen|abbuchung',
        // A discount that was not applied; the full price charged
        'rabatt|gutschein|rabattcode|gutscheincode|aktionscode|studentenrabatt|promo|coupon|preisnachlass .. nicht|nie|kein .. angewendet|angewandt|abgezogen|berucksichtigt|verrechnet|eingelost|ubernommen|angerechnet|gegriffen',
        'vollen|volle|regularen|normalen|ganzen preis|betrag .. bezahlt|berechnet|abgebucht|gezahlt',
        'bezahlt|berechnet|abgebucht|gezahlt .. vollen|volle|normalen|regularen preis',
        // Paid, and the features are still not unlocked
        'bezahlt|gezahlt|gekauft|upgegradet|uberwiesen .. immer+noch|noch+immer|trotzdem|weiterhin|noch+nicht .. nicht+freigeschaltet|freigeschaltet|nicht+aktiviert|nicht+verfugbar|nicht+freigegeben|nicht+entsperrt|gesperrt|blockiert|ausgegraut|inaktiv',
        'doppelt|zweimal|dreimal|mehrfach|mehrmals .. abgebucht|belastet|eingezogen|abgezogen',
        'doppelt|zweimal|dreimal|mehrfach|mehrmals .. gezahlt|bezahlt|uberwiesen|gespendet',
        'derselbe|denselben|gleiche|gleichen|selbe|selben betrag|zahlung|abbuchung|rechnung .. zweimal|doppelt|zweifach|dreimal|mehrfach',
        'zweimal|doppelt|dreimal|mehrfach .. selben|gleichen tag|datum|monat|rechnung|bestellung',
        'abo|abonnement|mitgliedschaft .. ich|wir nie|nicht|niemals .. abgeschlossen|bestellt|abonniert|angemeldet|gebucht|gekauft',
        'bezahlt|gezahlt|gekauft|upgegradet .. aber|trotzdem|immer+noch|noch+immer .. kostenlose+version|kostenlosen+version|gratisversion|free+version|kostenlos|basisversion|testversion',
        'nie|kein|keinen .. konto|abo|abonnement|vertrag .. angelegt|abgeschlossen|registriert|erstellt|bestellt .. trotzdem|aber|dennoch|und+doch .. abgebucht|belastet|eingezogen|geld',
        'nie+kunde|nie+kundin|nie+bei+ihnen|nie+ein+konto|kein+kunde|keine+kundin|nie+etwas+gekauft|nie+etwas+bestellt .. abgebucht|belastet|eingezogen|berechnet|abgezogen',
        'wurden|wurde|haben|habt|hat|hatten mir|uns .. zwei|drei|2|3|mehrere monate|jahre|abos|lizenzen .. berechnet|abgebucht|belastet',
        'zahlung|abbuchung|buchung|betrag .. die|den ich|wir nicht kenne|kennen|zuordnen|erkenne',
        'musste|mussten .. vollen|volle|normalen preis',
      ],
      fr: [
        // "payé" exactly: "payer en deux fois" is a way to pay, not a double charge
        'debite|facture|preleve|paye=|payee=|payes=|factures|preleves|debites deux+fois|2+fois|trois+fois|3+fois|plusieurs+fois',
        'en+double',
        'double prelevement|debit|facturation|paiement',
        'prelevement|facture|montant|debit incorrect|errone|erronee|injustifie|non+autorise|inconnu',
        'trop facture|preleve|paye|debite',
        'pourquoi ai|j ete debite|facture|preleve',
        'contester facture|prelevement|paiement|debit',
        'toujours facture|preleve|debite',
        'apres resiliation|annulation preleve|debite|facture',
        'prelevement|debit|facture|paiement .. jamais|pas commande|souscrit|autorise|autorisee|achete',
        'paye|payee|regle|reglee|paiement .. mais|toujours|pourtant .. bloque|bloquee|suspendu|suspendue|impaye|impayee|inactif|desactive|restreint',
        // The same payment twice on the statement ("deux prélèvements identiques")
        'deux|trois|2|3|plusieurs .. prelevements|debits',
        'prelevements|debits|paiements|transactions|montants identiques|en+double|similaires',
        'identiques|doubles .. prelevements|debits|paiements|transactions',
        'preleve|prelevee|preleves|debite|debitee|facture=|factures=|facturee|paye= .. alors+que|bien+que|sans|pourtant|meme+si|malgre .. jamais|pas|aucun|aucune .. compte|abonnement|inscrit|inscrite|souscrit|commande|cree|creee',
        // A promo code that was not applied; the full price paid
        'code+promo|promo|reduction|remise|coupon|bon+de+reduction|rabais .. pas|jamais .. applique|appliquee|pris+en+compte|deduit|deduite|deduits',
        'paye=|payee=|facture=|facturee=|debite=|preleve= .. plein+tarif|prix+fort|prix+plein|prix+complet|tarif+normal|prix+normal|montant+complet|montant+total|tarif+complet',
        'debite|preleve|facture|debitee|prelevee|facturee .. deux+fois|trois+fois|plusieurs+fois|en+double',
        'abonnement .. je|j|nous jamais|pas .. souscrit|commande|choisi|cree|pris',
        'paye|payee|regle|reglee|paiement .. mais|toujours|pourtant .. version+gratuite|gratuit|gratuite|offre+gratuite|plan+gratuit|pas+active|pas+debloque',
        'jamais .. compte|abonnement .. cree|souscrit|inscrit|ouvert|commande .. mais|pourtant|quand+meme|malgre+tout .. preleve|prelevee|debite|debitee|facture=|facturee|argent',
        'jamais+ete+client|jamais+ete+cliente|pas+client|pas+cliente|jamais+achete|jamais+commande .. preleve|prelevee|debite|debitee|facture=|facturee',
        'deux+fois|trois+fois .. meme+montant|meme+jour|meme+commande|meme+facture',
        'prelevement|paiement|debit|transaction|montant .. que je|nous ne reconnais|reconnaissons|connais',
        'du+payer|du+regler .. plein+tarif|prix+fort|prix+plein|prix+normal',
        'continuez|continue|continuent .. me|nous debiter|prelever|facturer',
        'faire|fais|ferai opposition',
      ],
      es: [
        'cobrado|cobraron|cobrar|cargado|cargaron|facturado|cobro|cobrada dos+veces|2+veces|tres+veces|3+veces|varias+veces|doble',
        'doble cobro|cargo|cargado|cobrado|factura',
        'cobro|cargo|factura|importe|monto incorrecto|incorrecta|erroneo|indebido|no+autorizado|desconocido',
        'cobrado|cobraron|cobrando de+mas|demasiado',
        'por+que me|se cobraron|cobrado|cargaron|cobran|cobra',
        'disputar|reclamar|impugnar cobro|cargo|factura|pago',
        'me siguen cobrando',
        'siguen cobrando',
        'cobro|cargo|cobraron|cobrado .. nunca|no autorice|contrate|pedi|compre|solicite',
        'pagado|pague|pago .. pero|todavia|aun|sigue .. bloqueada|bloqueado|suspendida|suspendido|impagada|inactiva|desactivada',
        // The same payment twice on the statement ("dos cargos iguales del mismo día")
        'dos|tres|2|3|varios .. cargos|cobros|adeudos .. mismo|misma|iguales|identicos|duplicados|extracto|banco|hoy|ayer',
        'cargos|cobros|pagos|adeudos|transacciones|movimientos|importes iguales|identicos|duplicados|dobles',
        'extracto|banco|estado+de+cuenta|resumen .. dos|tres|2|3|varios .. cargos|cobros|pagos|adeudos|movimientos',
        // Charged with no account at all
        'cobraron|cobrado|cobro|cargaron|cargado|descontaron|quitaron|debitaron .. aunque|pese|a+pesar .. nunca|no|ni .. registre|cuenta|suscri|contrate|alta|pedi|compre|cree|abri',
        'cobraron|cobrado|cargaron|cargado|descontaron|debitaron .. sin .. cuenta|suscripcion|registrarme|registro|contratar|alta',
        // A discount that was not applied; the full price paid
        'descuento|cupon|codigo+promocional|codigo+de+descuento|promocion .. no|nunca .. aplico|aplicado|aplicada|aplicaron|desconto|descontado|tuvo+en+cuenta|reflejo|reflejado|reflejada',
        'pague|pagado|cobraron|cobrado|cargaron .. precio+completo|precio+normal|precio+total|tarifa+completa|importe+completo|precio+entero|precio+lleno',
        'cobrado|cobraron|cargado|cargaron|facturado|cobrada|descontado|descontaron .. dos+veces|tres+veces|varias+veces|por+duplicado|doble',
        'suscripcion|membresia|plan .. que nunca|no .. contrate|pedi|active|cree|solicite|hice',
        'pagado|pague|pago .. pero|todavia|aun|sigue .. version+gratuita|gratis|gratuita|plan+gratuito|sin+activar|no+activada',
        'nunca .. cuenta|suscri|alta .. cree|registre|contrate|abri|di .. pero|sin+embargo|igual|aun+asi .. cobraron|cobrado|cargaron|cargado|dinero',
        'nunca+he+sido+cliente|no+soy+cliente|nunca+he+comprado|nunca+compre|nunca+he+pedido .. cobrado|cobraron|cargo|cargaron|cargado|descontaron',
        'dos+veces|tres+veces .. mismo+importe|misma+cantidad|mismo+dia|mismo+pedido|misma+factura',
        'cargo|cobro|pago|movimiento .. que no reconozco|reconocemos|conozco',
        'tuve+que+pagar|tuvimos+que+pagar .. precio+completo|precio+normal|precio+total',
      ],
      nl: [
        'dubbel|twee+keer|2+keer|drie+keer|3+keer|meerdere+keren|meermaals afgeschreven|betaald|gefactureerd|afgeboekt|geincasseerd',
        'dubbele afschrijving|betaling|factuur',
        'verkeerd|verkeerde|onjuist|onjuiste bedrag|factuur|afschrijving',
        'te+veel betaald|afgeschreven|gefactureerd|gerekend',
        'onterecht|ongeautoriseerd|onbekende afgeschreven|afschrijving|factuur|betaling',
        'waarom is|ben|heb er|ik afgeschreven|gefactureerd|betaald',
        'nog+steeds afgeschreven|gefactureerd',
        'na opzegging|opzeggen afgeschreven|gefactureerd',
        'opgezegd|geannuleerd .. toch|nog|maar .. afgeschreven|gefactureerd|geincasseerd',
        'afschrijving|incasso|factuur .. nooit|niet besteld|afgesloten|geautoriseerd|gekocht',
        'betaald|betaling|overgemaakt .. maar|nog+steeds|toch .. geblokkeerd|vergrendeld|opgeschort|onbetaald|openstaand|inactief|gedeactiveerd|niet+actief',
        // The same payment twice on the statement ("twee dezelfde afschrijvingen")
        'twee|drie|2|3|meerdere .. afschrijvingen|afboekingen|incasso|incassos',
        'dezelfde|identieke|dubbele|gelijke .. afschrijvingen|betalingen|transacties|afboekingen|incasso|bedragen',
        'bankafschrift|afschrift|rekeningoverzicht|bank .. twee|drie|2|3|meerdere|dezelfde|identieke|dubbele .. afschrijvingen|betalingen|transacties|afboekingen|incasso',
        // Charged with no account at all
        'afgeschreven|geincasseerd|afgeboekt|gefactureerd .. terwijl|hoewel|zonder|ondanks .. nooit|geen|niet .. account|abonnement|aangemeld|ingeschreven|besteld|aangemaakt|afgesloten|geregistreerd',
        // A discount code that was not applied; the full price paid
        'korting|kortingscode|coupon|voucher|actiecode|studentenkorting|promotiecode|kortingslink .. niet|nooit|geen .. verwerkt|toegepast|afgetrokken|meegenomen|verrekend|doorgevoerd',
        'volle|volledige|normale prijs|tarief|bedrag .. betaald|afgeschreven|gerekend|gefactureerd',
        'betaald|afgeschreven|gerekend|gefactureerd .. volle|volledige|normale prijs|tarief',
        'twee+keer|drie+keer|dubbel|meerdere+keren .. afgeschreven|afgeboekt|geincasseerd',
        'abonnement|lidmaatschap .. ik|we|wij nooit|niet .. afgesloten|besteld|aangevraagd|aangemaakt|genomen|gekozen',
        'betaald|betaling .. maar|nog+steeds|toch .. gratis+versie|gratis|gratis+account|proefversie|niet+geactiveerd',
        'nooit|geen .. account|abonnement .. aangemaakt|afgesloten|besteld|geregistreerd .. toch|maar|terwijl|wel .. afgeschreven|geincasseerd|gefactureerd|geld',
        'twee+keer|drie+keer|dubbel .. gehaald|afgehaald|ingehouden|afgeschreven|afgeboekt|geincasseerd',
        'twee+keer|drie+keer|dubbel .. hetzelfde+bedrag|zelfde+bedrag|dezelfde+dag|dezelfde+bestelling|dezelfde+factuur',
        'nooit+klant|geen+klant|nooit+iets+gekocht|nooit+besteld|nooit+iets+besteld .. afgeschreven|geincasseerd|gefactureerd|gehaald',
        'betaling|afschrijving|transactie|bedrag|incasso .. die|dat ik|we niet|nooit herken|herkennen|ken',
        'moest|moesten .. volle|volledige|normale prijs',
      ],
      sv: [
        'dragit|dragits|debiterad|debiterat|debiterats|drog tva+ganger|2+ganger|tre+ganger|3+ganger|flera+ganger|dubbelt',
        'dubbel|dubbelt debitering|dragning|debiterad|betalning|dragit',
        'fel belopp|faktura|debitering|dragning',
        'for+mycket debiterad|debiterat|betalt|dragit',
        'obehorig|okand|felaktig debitering|dragning|betalning|faktura',
        'varfor har ni|jag dragit|debiterat|debiterats',
        'fortfarande debiterad|dragit|debiteras',
        'dubbeldebiter|dubbeldragning|dubbelbetal|dubbeldrag',
        'uppsagt|avslutat|sagt+upp .. anda|fortfarande debiterad|dragit|debiteras',
        'betalat|betalt|betalning .. men|fortfarande|anda .. last|sparrat|blockerat|avstangt|obetald|inaktivt|inte+aktivt',
        // The same payment twice on the statement ("två likadana dragningar")
        'tva=|tre=|2=|3=|flera .. dragningar|debiteringar',
        'likadana|identiska|dubbla .. dragningar|debiteringar|betalningar|transaktioner|belopp',
        'kontoutdrag|kontoutdraget|bankutdrag|kortutdrag .. tva=|tre=|2=|3=|flera|likadana|dubbla .. dragningar|debiteringar|betalningar|transaktioner',
        // Charged with no account at all
        'dragit|dragits|debiterat|debiterats|debiterad|tagit+pengar|drog .. fast|trots|utan|aven+om|trots+att .. aldrig|inte|inget|ingen .. konto|skapat|registrerat|prenumeration|abonnemang|bestallt|medlemskap',
        // A discount that was not applied; the full price paid
        'rabatt|rabattkod|rabattkoden|kupong|kampanjkod|studentrabatt|studentrabatten .. inte|aldrig|ingen .. dragits|dragen|dragit|tillampats|tillampades|registrerades|registrerats|avdragen|avdragits|kom+med|gallt',
        'betalat|betalt|betalade|debiterad|debiterades|debiterats|dragit fullt|full|ordinarie pris|priset|beloppet',
        'rabatt|rabattkod|rabattkoden|kupong|kampanjkod|studentrabatt|studentrabatten drogs+aldrig|drogs+inte|drogs+ej|gallde+inte|kom+inte+med|registrerades+inte|tillampades+inte',
        'betalat|betalt|betalade .. men|fortfarande|anda .. gratisversion|gratis|gratiskonto|inte+aktiverat',
        'aldrig .. konto|abonnemang|prenumeration .. skapat|registrerat|tecknat|bestallt .. men|anda|trots+det .. dragit|dragits|debiterat|pengar',
        'dragit|dragits|debiterad|debiterat|debiterats|drog .. tva+ganger|tre+ganger|flera+ganger|dubbelt',
        'abonnemang|prenumeration|medlemskap .. jag|vi aldrig|inte .. bestallt|tecknat|skapat|registrerat|godkant|valt|kopt',
        'tva+ganger|tre+ganger|dubbelt .. samma+belopp|samma+dag|samma+bestallning|samma+faktura',
        'aldrig+varit+kund|inte+kund|aldrig+kopt|aldrig+handlat|aldrig+bestallt .. dragit|dragits|debiterat|debiterats|debiterad',
        'dragning|betalning|debitering|transaktion .. som jag|vi inte|inte+kanner|kanner+igen|kanner',
        'fick|behovde .. betala .. fullt|full|ordinarie pris|priset',
        'fortsatter|fortsatt .. dra+pengar|debitera|ta+betalt',
      ],
    },
  },
  {
    key: 'refund_chargeback',
    name: 'Refunds and chargebacks',
    enabled: true,
    phrases: {
      en: [
        // The visitor wants a refund
        'want|would+like|need|demand|expect|deserve|like refund|refunded|money+back',
        'i|we request|requesting|am+requesting|m+requesting .. refund',
        'like+to|want+to|need+to request|claim|get .. refund',
        'give|send|issue|get me|us a|my|full refund',
        'refund|reimburse me|us|this|it',
        'can+you|could+you|would+you|will+you|please|pls|plz|kindly refund=|reimburse=|refund+me|refund+us|refund+my|refund+the|refund+this|refund+it',
        'can|could|may i|we get|have|receive|claim a|my|our|full|partial refund|money',
        'can|could|would|please|want|like|need .. refund|reimburse .. remaining|unused|rest|prorated|pro+rata|prorata|leftover|remainder|difference|balance',
        'give|send|get me|my money+back',
        'want|would+like|need|demand|expect .. money|payment|payments|charge=|charges=|fee=|fees=|amount|donation|donations back=',
        'want|need my money',
        'i+m|im|i+am owed|entitled',
        'process|issue my refund',
        // A refund that has not arrived
        'where is|s my refund',
        'still waiting refund|money',
        'still|yet no|not refund|refunded|money',
        'haven+t|have+not|never received|got|gotten refund|money+back',
        // Chargebacks and bank disputes
        'chargeback|charge+back',
        'dispute with|through my bank|card|credit',
        'bank|card|credit+card|paypal .. reverse|reversal|chargeback',
        'opened|filed|raised|started|open|file|raise|start .. dispute|claim|chargeback .. paypal|bank|card|credit|visa|amex|mastercard|stripe',
        // The money should come back, in other words ("I'd like the fee returned to my card", "can the
        // last three months be credited back?")
        'want|would+like|like|expect|need|demand|asking+for|ask+for|request|requesting|please|can+you|could+you|would+you|will+you .. money|fee|fees|amount|payment|cost|price|deposit|charge|charges .. returned|paid+back|credited|credited+back|refunded|reimbursed|reversed|back+to|back+on|back+onto|back+into',
        'can|could|would|will|please .. months|fee|fees|amount|money|payment|year|subscription|order|charge|purchase .. credited|paid+back|returned|refunded|reimbursed',
        // Sent the item back and the money has not come
        'sent|returned|shipped|posted|mailed .. back|return .. when|still|yet|where|haven+t|have+not|not .. money|refund|credit|reimburse|nothing|no+money|no+refund|no+credit',
        'promised|agreed|approved|confirmed|told|offered .. refund|money+back|reimbursement .. nothing|still|yet|never|haven+t|hasn+t|not+arrived|not+received',
        'still+waiting|been+waiting|am+waiting|m+waiting|are+waiting|re+waiting|have+waited|ve+waited|waited .. refund|money|reimbursement',
        'you+refunded|you+ve+refunded|you+only+refunded|you+reimbursed|you+credited|i+was+refunded|we+were+refunded|i+got+back|we+got+back|i+received|we+received .. only|just half|part|partially|a+part|some|a+fraction|a+portion|less',
        'please|can+you|could+you|would+you .. reverse|undo|void the|this|my|last payment|charge|transaction',
        // Demanded outright ("refund NOW")
        'refund now|asap|immediately|today|already',
      ],
      da: [
        'vil|gerne|onsker|ønsker|kraever|kræver have pengene|penge tilbage|retur',
        'mine penge tilbage|retur',
        'pengene tilbage|retur',
        'refunder|refunderet|refundere mig|min|mit|belobet|beløbet|pengene',
        'vil|gerne|onsker|ønsker|kraever have refusion|refundering|tilbagebetaling',
        'vil|gerne|onsker|kraever .. refunderet|refunderer|refundere|tilbagebetalt',
        'kan|kunne i refundere|tilbagebetale|refunder',
        'tilbagebetal mig|min|pengene|belobet',
        'chargeback|tilbageforing|tilbageforsel',
        'hvor er|bliver min refusion|refundering|tilbagebetaling|penge',
        'venter refusion|refundering|pengene',
        // The amount back ("vil gerne have beløbet retur på mit kort")
        'vil|gerne|onsker|kraever|forventer have|fa .. pengene|penge|belobet|betalingen|gebyret|kontingentet|kobesummen .. tilbage|retur|refunderet|tilbagefort|tilbagebetalt|krediteret',
        // Sent back, and the money still has not come
        'sendt|returneret|returnerede|sendte .. retur|tilbage .. stadig|endnu|ikke .. pengene|penge|refusion|belobet|tilbagebetaling',
        'onsker|kraever|forventer|beder+om .. pengene|belobet|betalingen .. tilbage|retur|refunderet|tilbagefort|tilbagebetalt|krediteret',
        'venter+stadig|venter+endnu|har+ventet|ventet|venter+nu .. pengene|refusion|refundering|tilbagebetaling|belobet',
      ],
      de: [
        'mein|meine geld+zuruck|erstattung|ruckerstattung',
        'will|mochte|moechte|verlange|fordere|fordern|hatte+gern geld+zuruck|erstattung|ruckerstattung|erstattet',
        'erstatten sie mir|den',
        'bitte erstatten|zuruckerstatten|ruckerstatten',
        'erstattet mir',
        'konnen|konnten|bitte sie|ihr .. erstatten=|zuruckerstatten=|zuruckzahlen=|ruckerstatten=|gutschreiben=',
        'ruckerstattung|erstattung beantragen|fordern|verlangen',
        'wo+bleibt erstattung|ruckerstattung|geld',
        'ruckbuchung|chargeback',
        'lastschrift zuruckgeben|zuruckbuchen|zuruckgeholt|widerrufen',
        'warte erstattung|ruckerstattung|geld',
        // The fee back ("hätte ich gern die Kursgebühr zurück")
        'hatte|haette|mochte|moechte|will|verlange|fordere|fordern|erwarte|bitte .. geld|betrag|gebuhr|gebuehr|gebuhren|kosten|beitrag|zahlung|kaufpreis|kursgebuhr|jahresgebuhr|monatsgebuhr|teilnahmegebuhr|anmeldegebuhr|abogebuhr|mitgliedsbeitrag|anzahlung .. zuruck=|zurueck=|erstattet|zuruckerstattet|zuruckgezahlt|gutgeschrieben|zuruckgebucht|zuruckbekommen|zuruckerhalten|wiederhaben',
        'warte+seit|warte+immer|warte+schon|warte+noch|warten+seit|warten+immer|warten+schon|warten+noch .. erstattung|ruckerstattung|ruckzahlung|gutschrift|geld',
      ],
      fr: [
        'remboursez|rembourser moi',
        'veux|voudrais|souhaite|exige|demande|demander remboursement|rembourse|remboursee|argent',
        'etre rembourse|remboursee',
        'pouvez|pourriez|merci+de me|nous rembourser',
        'recuperer|recupere|recevoir mon argent',
        'ou+en+est|ou+est mon remboursement',
        'toujours+pas rembourse|remboursement',
        'rejet+de+paiement|chargeback|retrofacturation|opposition+bancaire',
        // Give the money back ("merci de me rendre l'argent")
        'me|nous rendre|rendez|restituer|restituez|reverser|reversez|recrediter|recreditez .. argent|somme|montant|frais|paiement',
        'veux|voudrais|souhaite|exige|demande|aimerais .. argent|montant|somme|frais .. rendu|rendue|rembourse|remboursee|restitue|recredite|reverse',
        'attends+toujours|attends+depuis|attendons+toujours|attendons+depuis|toujours+en+attente .. remboursement|argent|virement',
        'voudrais|veux|souhaite|souhaiterais|aimerais|exige|demande .. qu+on+me|que+vous+me|qu+on+nous|que+vous+nous rembourse|remboursiez|remboursent',
      ],
      es: [
        'quiero|necesito|exijo|solicito|pido|quisiera reembolso|devolucion|reembolsen|dinero',
        'devuelvan|devuelvanme|devolverme|devuelvame dinero|importe|pago',
        'devuelvanme|devolverme|devuelvame',
        'reembolsen|reembolsenme|reembolsarme|reembolseme',
        'me|nos pueden|puede|podrian|podria reembolsar|devolver|reintegrar',
        'mi dinero de+vuelta',
        'donde esta mi reembolso|devolucion|dinero',
        'todavia|aun no reembolso|devolucion|dinero|devuelto|reembolsado',
        'contracargo|chargeback',
        // Sent back, and the money still has not come
        'devolvi|devolvimos|envie|mande|regrese .. todavia|aun|no .. dinero|reembolso|devolucion|importe|reintegro',
        'todavia|aun|sigo|seguimos .. no+he+recibido|no+hemos+recibido|no+me+ha+llegado|no+nos+ha+llegado|no+han+devuelto|sin+recibir|esperando .. dinero|reembolso|devolucion|importe|reintegro|abono',
        'me|nos devuelvan|devuelvas|devuelva .. dinero|importe|pago|cuota|precio|lo+que+pague|lo+que+pagamos|lo+pagado',
        'sigo+esperando|seguimos+esperando|llevo|llevamos .. esperando|sin+recibir .. reembolso|dinero|devolucion|importe',
        'reintegren|reintegrenme|reintegrarme|reintegreme',
      ],
      nl: [
        'wil|graag|eis geld+terug|terugbetaling|restitutie|terugbetaald',
        'mijn geld+terug',
        'terugstorten|terugstort|terugbetalen',
        'waar+blijft terugbetaling|restitutie|geld',
        'chargeback|terugboeking|terugboeken|storneren',
        'wacht terugbetaling|restitutie|geld',
        // The amount back ("ik wil het bedrag teruggestort krijgen")
        'wil|graag|eis|verwacht|verzoek .. bedrag|geld|aankoopbedrag|abonnementsgeld|kosten|betaling|inleg .. terug=|teruggestort|terugbetaald|terugstorten|terugkrijgen|terug+krijgen|gecrediteerd|vergoed|retour',
        // Sent back, and no money yet
        'teruggestuurd|geretourneerd|retour+gestuurd|terug+gestuurd .. nog+steeds|nog|maar|nog+geen .. geen|niet .. geld|terugbetaling|restitutie|bedrag',
        'wacht+nog|wachten+nog|wacht+al|wachten+al|wacht+sinds|wachten+sinds|wacht+inmiddels .. geld|terugbetaling|restitutie|bedrag|terugstorting',
      ],
      sv: [
        'vill|kraver ha pengarna|pengar tillbaka',
        'vill|kraver ha .. aterbetalning|pengarna+tillbaka|pengar+tillbaka',
        'mina pengar tillbaka',
        'pengarna tillbaka',
        'aterbetala|aterbetalas mig|min|mitt|pengarna',
        'kan|kunde ni aterbetala|betala+tillbaka',
        'var ar|blir min aterbetalning|pengar',
        'chargeback|aterkrav|aterkravs',
        'vantar aterbetalning|pengar',
        // The fee back ("jag vill ha tillbaka avgiften")
        'vill|kraver|onskar|begar ha|fa tillbaka .. pengarna|pengar|avgiften|beloppet|betalningen|kostnaden|summan',
        'vill|kraver|onskar|begar .. pengarna|avgiften|beloppet|betalningen|kostnaden|summan .. tillbaka|aterbetald|aterbetalat|aterbetalas',
        'vantar+fortfarande|vantat|vantar+an|vantar+sedan|vantar+anda .. aterbetalning|aterbetalningen|pengar|pengarna',
      ],
    },
  },
  {
    key: 'account_access',
    name: 'Account access',
    enabled: true,
    phrases: {
      en: [
        // Cannot log in or get into the account
        'can+t|cannot|cant|unable|couldn+t|can+not|not+able|won+t+let+me|doesn+t+let+me|not+letting+me log+in|login|log+on|logon|sign+in|signin|log+into|sign+into|get+into|get+in|get+back+in',
        'can+t|cannot|cant|unable|couldn+t|can+not|not+able access|enter|open|reach|use my|our|the account|accounts|dashboard|workspace|profile|admin|portal',
        'nobody|no+one|none+of+us can|could log|login|sign|access|get',
        'nobody|no+one|none+of+us knows|has|remembers the|our password|login|credentials',
        // The visitor locked out, not "a teacher locked a student out of a quiz"
        'locked+out|locked+me+out|locked+us+out|locked+myself+out|locked+ourselves+out',
        'account+locked|account+blocked|account+suspended|account+disabled|account+deactivated|account+frozen|account+banned|account+restricted|account+terminated',
        // The account itself, not a field of a form ("the source account field gets disabled")
        'account+has+been|account+have+been|account+was|account+is|account+got|account+gets|account+s|account+seems|account+keeps+getting locked|blocked|suspended|disabled|deactivated|frozen|banned|restricted|terminated',
        'my|our account|accounts|login|profile .. disappeared|vanished|missing|doesn+t+exist|does+not+exist|not+found|no+longer+exists',
        // No access any more (the person who set it up left, lost the email)
        'lost access',
        'no access to my|our account',
        'i|we have|ve|got|had no|zero access',
        'no+longer have|has access',
        'don+t|do+not have access+anymore|access+any+more',
        'owner|admin|administrator|person|colleague|employee|founder .. left|quit|departed|passed+away|died|no+longer+works|no+longer+with|is+gone|has+gone',
        // The only one with the keys is away or will not answer
        'only|sole|single admin|administrator|owner|account+owner .. unreachable|on+leave|sick+leave|maternity+leave|paternity+leave|not+responding|doesn+t+respond|won+t+respond|won+t+answer|doesn+t+answer|not+answering|ignoring+us|ignores+us',
        'former|ex= employee|colleague|admin|partner|manager|owner|contractor|freelancer|agency|cofounder|co+founder .. won+t+give|refuses|refused|won+t+hand|will+not+give|will+not+hand',
        'still+has+access|still+have+access .. refuses|refused|won+t+give|won+t+hand|will+not+give|will+not+hand',
        // The company asked to make the visitor the owner
        'can+you|could+you|would+you|please|you+need+to|you+have+to make|set me|us the+owner|owner|the+admin|an+admin|admin|administrator|the+administrator|account+owner|the+account+owner',
        'left|quit|departed .. without .. login|password|owner|admin|access|credentials',
        'transfer|move|reassign|hand+over|change .. owner|ownership|admin|administrator .. to+me=|to+us=|over+to+me|into+my+name|to+my+name|in+my+name',
        // Passwords and sign-in emails that do not work
        'reset email|link never|didn+t|not arrive|arrived|received|work|working|came',
        'reset|verification|confirmation|activation|login|magic|sign+in email|link|mail|message|messages never|not|didn+t|doesn+t|isn+t arrive|arrived|arriving|received|receiving|come|came|coming|work|working',
        'password reset not|doesn+t|isn+t|never working|work|fails|failed',
        'link expired|expires|invalid',
        'says|saying|keeps|getting|tells+me wrong|invalid|incorrect|unknown password|credentials|username',
        // Sent back to the sign-in page, told the account does not exist, or refused
        'end+up|ends+up|ending+up|redirects+me|redirected|redirecting|sends+me|sending+me|sent+back|throws+me|thrown|kicks+me|kicked|takes+me|bounces+me|bounced|keeps+me .. back|again|straight|right .. login|sign+in|signin|log+in|logon|sign+on',
        'sign|log|login|signing|logging .. sends+me|takes+me|throws+me|kicks+me|redirects+me|bounces+me|sent|taken|redirected .. back|again .. start+page|home+page|homepage|start+screen|first+page|landing+page|welcome+screen|square+one',
        'login|sign+in|signin|log+in loop|looping|loops',
        'sent|kicked|thrown|redirected|taken|bounced|brought back+to|back+at|back+on|back+into .. login|sign+in|signin|log+in|logon|sign+on',
        'there+is+no+account|there+s+no+account|no+account+with|no+account+for|no+user+with|no+user+for|no+account+under',
        'reset|changed|typed|entered|type|enter .. password .. still|keeps|but .. invalid|wrong|incorrect|rejected|not+accepted|doesn+t+work|not+working',
        'says|said|saying|tells|told|shows|showing|claims|claiming|get|getting|error|message .. no+account|no+user|no+such|account+doesn+t|account+does+not|user+doesn+t|user+does+not|email+isn+t|email+is+not|account+not|user+not|email+not|account+isn+t|account+is+not .. exist|exists|found|registered|recognised|recognized',
        'sign|log|login|logging|signing|account .. access+denied|permission+denied',
        'access+denied .. sign|log|login|logging|signing|account',
        'can+t|cannot|unable|don+t|do+not|couldn+t|never .. receive|get|getting|receiving|access .. sign+in|login|log+in|reset|verification|magic|confirmation .. link|email|mail',
        'old|former|previous|work|company|business|job email|e+mail|inbox .. no+longer|not|doesn+t|does+not|isn+t .. exist|exists|active|accessible',
        'old|former|previous|university|school|college|work|company|business|job|student email|e+mail|mail|inbox .. shut+down|closed|deleted|deactivated|disabled|expired|gone|cancelled|canceled|terminated',
        'says|said|saying|tells|told|telling|claims|claiming .. password|credentials|pin|username|user|email|account .. wrong|invalid|incorrect|not+valid|unknown|not+recognised|not+recognized|not+found|doesn+t+exist|does+not+exist',
        'system|app|site|login|it doesn+t|does+not|won+t|will+not|no+longer recognise|recognize me=|my+login|my+password|my+username|my+account|my+email+address',
        // Set up under the personal address of someone who has since left
        'created|set+up|setup|set+it+up|set+us+up|built|opened|registered|made .. with|under|using|on|to her|his|their|personal|private|own|old .. left|quit|gone|no+longer|departed|retired|fired|resigned|leaving|disappeared|vanished|unreachable|ghosted|moved+on|lost+contact|can+t+reach|cannot+reach|can+t+contact|cannot+contact|not+responding',
        'error|blank+page|blank+screen|white+screen|white+page .. when|whenever|every+time|each+time .. try+to+log|trying+to+log|try+to+sign|trying+to+sign|log+in|sign+in|login|logging+in|signing+in',
        // Closed, banned or suspended by the company, or held by someone who has left
        'you|they banned|suspended|blocked|terminated|froze|frozen|locked|closed my|our account|workspace|organisation|organization|profile',
        'account|workspace|organisation|organization .. says|shows|is|was|been|got suspended|banned|terminated',
        'owner|admin|administrator|account+owner .. ex+employee|former+employee|former+colleague|ex+colleague|left+the+company|no+longer+works',
        // Taken down by the company over its terms ("my services were taken down for a Terms of Service violation")
        'my|our account|accounts|workspace|service|services|site|website|app|apps|project|projects|server|bot=|bots=|botter|bottar .. taken+down|shut+down|suspended|banned|removed|disabled|paused|deleted|blocked|flagged .. terms+of+service|terms+of+use|tos=|violation|violating|breach|breaching|acceptable+use|fair+use',
        'my|our account|accounts|workspace|service|services|site|website|app|apps|project|projects|server|bot=|bots=|botter|bottar .. taken+down|shut+down|suspended|banned .. no+reason|no+idea+why|without+warning|without+notice|without+explanation',
      ],
      da: [
        // Ownership to be moved from someone who has left or does not answer
        'overfort|overfore|overdrage|overdraget .. ejerskab|ejerskabet .. konto|kontoen|abonnement|abonnementet|organisation|til+mig|til+os',
        'kan ikke logge|komme ind|pa|adgang',
        'ikke adgang til min konto',
        'laast|låst|last ude',
        'konto last|laast|låst|sparret|spaerret|blokeret|lukket|suspenderet',
        'mistet adgang',
        'vi|jeg har ingen|ikke|mistet adgang',
        'har+ikke+laengere|ikke+laengere adgang',
        // Told the user does not exist; set up by someone who has left
        'min|vores|mit bruger|brugeren|konto|kontoen|profil|email .. findes+ikke|ikke+findes|eksisterer+ikke|ikke+eksisterer|ikke+fundet|ukendt',
        'oprettede|oprettet|lavede|satte .. konto|kontoen|profil|adgang .. stoppet|fratradt|rejst|vaek|ikke+laengere|holdt+op|sagt+op',
        'adgang+naegtet',
        // Sent back to the sign-in page again and again
        'sendt|sendes|smidt|kastet|fort .. tilbage|ud .. login|log+ind|logind',
      ],
      de: [
        'kann|konnen mich nicht anmelden|einloggen',
        'komme nicht in+mein+konto|mehr+rein|rein',
        'komme|kommen nicht|nicht+mehr in+mein|in+unser|ins konto|account',
        'konto gesperrt|blockiert|deaktiviert|eingefroren',
        'ausgesperrt',
        'kein|keinen zugriff|zugang konto',
        'haben|habe keinen|kein zugriff|zugang',
        'zugriff|zugang verloren',
        'nicht+mehr einloggen|anmelden',
        'angeblich|immer|meldet|sagt falsch|falsches|ungultig|ungultiges passwort|kennwort',
        // The app will not let the visitor in, or says access denied or no such account
        'lasst|laesst|lassen mich|uns .. nicht+mehr+rein|nicht+rein|nicht+herein|nicht+mehr+herein|nicht+einloggen|nicht+anmelden|nicht+mehr+einloggen|nicht+mehr+anmelden',
        'anmeld|einlogg|login|konto|account|rein|mich|uns .. zugang+verweigert|zugriff+verweigert',
        'mein|meinen|unser|unseren konto|account|benutzer|profil .. existiert+nicht|nicht+gefunden|unbekannt|gibt+es+nicht|nicht+existiert',
        'eingerichtet|angelegt|erstellt .. konto|account|zugang .. nicht+mehr|weg|gekundigt|ausgeschieden|verlassen',
        'komme|kommen .. nicht|nicht+mehr in+mein|in+meinen|in+unser|in+unseren|ins|rein konto|account|profil|dashboard|zugang|bereich|firmenkonto|unternehmenskonto|geschaftskonto|teamkonto|kundenkonto|benutzerkonto|nutzerkonto',
        'kommen|komme|zugriff|zugang|einloggen|anmelden|passwort .. seit|nachdem|weil|da .. administrator|admin|inhaber|grunder|kollege|kollegin|chef|chefin|geschaftsfuhrer .. gegangen|ausgeschieden|weg=|verlassen|gekundigt|nicht+mehr+da|verstorben',
        'administrator|admin|inhaber|grunder|kollege|kollegin|chef|chefin|geschaftsfuhrer .. gegangen|ausgeschieden|weg=|verlassen|gekundigt|verstorben .. kein|keinen|nicht .. zugriff|zugang|rein|einloggen|anmelden|passwort',
        'lande|werde|geleitet|umgeleitet|geschickt|rausgeworfen|rausgeschmissen .. zuruck|wieder .. anmeldeseite|loginseite|anmeldung|login',
        'konto|account|profil|zugang .. gesperrt|blockiert|gebannt|suspendiert',
        'verlassen|gekundigt|ausgeschieden|nicht+mehr+da .. niemand|keiner .. zugriff|zugang|anmelden|einloggen|passwort',
      ],
      fr: [
        'peux|arrive|parviens|reussis pas|plus connecter|acceder|identifier|entrer|rentrer',
        // The visitor's account or accounts, not "la liste des comptes désactivés"
        'compte= bloque|verrouille|suspendu|desactive',
        'nos|mes comptes= bloques|verrouilles|suspendus|desactives',
        'plus|pas acces compte',
        'avons|ai plus|pas|aucun acces',
        'perdu acces',
        // Cannot sign in at all, or told the account does not exist
        'impossible de|d me|m connecter|identifier|acceder|loguer|logger',
        'mon|notre compte|identifiant|utilisateur|adresse .. existe+pas|n+existe|introuvable|inconnu|inconnue|n+existe+plus',
        'connex|compte|identif .. acces+refuse|acces+interdit',
        'acces+refuse|acces+interdit .. connex|compte|identif',
        'renvoye|renvoyee|renvoie|redirige|redirigee|ramene|ramenee|bloque|bloquee|coince|coincee .. page+de+connexion|ecran+de+connexion|connexion|login',
        // The only administrator has gone or does not answer
        'seul|seule|unique|ancien|ancienne administrateur|admin|compte+administrateur|compte+admin|gerant|gerante|proprietaire .. ne+repond+plus|ne+repond+pas|injoignable|est+parti|est+partie|a+quitte|n+est+plus|est+decede',
        'ancien|ancienne gerant|gerante|administrateur|admin|employe|employee|collegue|associe|responsable .. avait|a|detenait le+seul|la+seule|l+unique|les+seuls',
      ],
      es: [
        'no puedo|consigo|logro iniciar|entrar|acceder|ingresar',
        'cuenta= bloqueada|suspendida|desactivada|congelada',
        'nuestras|mis cuentas= bloqueadas|suspendidas|desactivadas|congeladas',
        'perdi|perdido acceso',
        'no+tengo acceso',
        'no|ya+no tenemos|tengo acceso',
        // Set up by someone who no longer works there; told the account does not exist
        'creo|abrio|registro|configuro|tenia|gestionaba|administraba|manejaba .. cuenta|acceso|contrasena|usuario .. ya+no+trabaja|ya+no+esta|se+fue|dejo+la+empresa|se+marcho|ya+no+forma|se+jubilo',
        'mi|nuestra cuenta|usuario|correo .. no+existe|no+se+encuentra|no+encontrada|desconocido|desconocida|inexistente',
        'acceso+denegado',
        'me manda|envia|devuelve|redirige|saca|echa .. inicio+de+sesion|login',
        'bloqueado|bloqueada|suspendido|suspendida|baneado|baneada .. la+cuenta|mi+cuenta|nuestra+cuenta',
        'ya+no+trabaja|dejo+la+empresa|se+fue|se+ha+ido|ya+no+esta .. nadie|ninguno .. acceder|acceso|entrar|contrasena',
      ],
      nl: [
        'kan|kom niet inloggen|aanmelden|binnen',
        'kom|kan niet|niet+meer in+mijn|in+ons|in+het account|accounts|profiel|dashboard',
        'account geblokkeerd|vergrendeld|opgeschort|gedeactiveerd',
        'buitengesloten',
        'geen toegang account',
        'hebben|heb geen toegang',
        'toegang kwijt',
        // Told the account does not exist; set up by someone who has left
        'mijn|ons|onze account|profiel|gebruiker|gebruikersnaam|e+mailadres .. bestaat+niet|niet+bestaat|niet+gevonden|onbekend|niet+meer+bestaat|bestaat+niet+meer',
        'account|profiel|toegang .. aangemaakt|opgezet|geregistreerd .. vertrokken|weg|niet+meer|gestopt|ontslagen|uit+dienst',
        'eigenaar|eigenaarsaccount|beheerder|beheerdersaccount|admin|account .. op+mijn+naam|op+onze+naam|naar+mij|overzetten+naar+mij',
        'toegang+geweigerd',
        'teruggestuurd|terug+naar|doorgestuurd|omgeleid|eruit+gegooid .. inlogpagina|inlogscherm|login',
        'uit+dienst|vertrokken|weg|gestopt .. niemand|geen+van+ons .. account|toegang|inloggen|wachtwoord|beheer',
      ],
      sv: [
        'kan inte logga|komma in',
        'kommer inte in',
        'konto last|sparrat|blockerat|avstangt',
        'utelast',
        'ingen atkomst|tillgang',
        'har ingen|inte atkomst|tillgang',
        'forlorat atkomst|tillgang',
        // Told the account is disabled or does not exist
        'konto|kontot inaktiverat|inaktiverad|avaktiverat|avaktiverad|fryst',
        'mitt|vart konto|kontot|anvandarnamn|e+postadress .. finns+inte|existerar+inte|hittas+inte|okant',
        'atkomst+nekad',
        'skickas|skickad|hamnar|kastas|kastad .. tillbaka|ut .. inloggning|inloggningssidan|login',
        'konto|kontot|kontona .. stangts+av|stangt+av|sparrat|sparrats|avstangt|blockerat|blockerats',
        'slutat|lamnat|gatt .. ingen|inte+langre .. logga|komma+at|atkomst|tillgang|admin',
      ],
    },
  },
  {
    // Last: a report of someone else's doing ("someone changed my password") is a hacked account.
    key: 'security_report',
    name: 'Security and abuse reports',
    enabled: true,
    phrases: {
      en: [
        // A finding the visitor wants to tell the company alone ("who can I send a report to privately?")
        'report|disclose this|it|them|my+findings|the+vulnerability|the+bug|the+flaw|the+exploit|the+details privately|confidentially|in+private|before+publishing|before+going+public',
        'send|submit a+report|my+report|the+report|my+findings|the+vulnerability privately|confidentially|in+private|before+publishing|before+going+public',
        // Another tenant's records, said as a workspace that is not the visitor's; records of ours
        // posted somewhere; mail meant for someone else
        'results|data|records|messages|conversations|invoices|files|contacts|tickets|customers .. from|of|belonging+to|in a|an workspace|account|project|organisation|organization|tenant|company .. isn+t|isnt|is+not|s+not|thats+not|that+s+not ours=|mine=',
        'our|my customer+list|customer+data|user+data|data|database|emails|contacts|records .. showed+up|appeared|leaked|dumped|surfaced|for+sale|being+sold .. forum|online|dark+web|pastebin|telegram|internet',
        'got|received|receiving|getting|sent+me|sent+us .. meant+for|intended+for|addressed+to|belonging+to a+different|another customer|user|person|client|account',
        // A flaw named as one, or a way around a protection; storage of theirs open to anyone
        'that+s|thats|this+is|that+is|which+is|it+s a|an|real|serious|major|huge|big security+issue|security+hole|vulnerability|security+bug|security+flaw|data+leak|privacy+leak',
        'found|discovered|figured+out|there+s|there+is .. a+way+to|how+to|possible+to bypass|circumvent|get+around .. 2fa|two+factor|mfa|authentication|login|auth|paywall|permission|permissions',
        'your bucket|buckets|s3=|database|databases|backups|backup|uploads|admin+panel|elasticsearch|redis|mongodb|kibana|env+file .. publicly+listable|world+readable|listable|open+to+the+internet|exposed+to+the+internet',
        'someone|somebody|they .. sent|sending|posted|posting .. phishing|scam .. through|from|via|using our|my',
        'one+of+your|your salesperson|salespeople|sales+rep|sales+reps|staff|employee|employees|agent|agents|rep=|reps= .. keeps|kept|keep|won+t+stop .. calling|texting|messaging|emailing|contacting|harassing',
        'i+d+like+to|i+would+like+to|i+want+to|i+m+reporting|i+am+reporting|we+d+like+to|we+want+to report|disclose a|an vulnerability|security+issue|security+hole|security+bug|security+flaw',
        'response|responses|error|errors|logs|url|urls|html|page+source|endpoint|payload .. includes|contains|leaks|exposes|reveals .. password+hash|password+hashes|plaintext+password|plain+text+password|passwords+in+plain|secret+key|secret+keys|private+key',
        // A vulnerability the visitor found; how to report one is in the documentation
        'found|discovered|spotted|noticed|identified|came+across .. vulnerability|vulnerabilities|security+hole|security+issue|security+bug|security+flaw|security+problem|exploit|xss|sql+injection|idor|csrf',
        // Other people's data in front of the visitor ("can't" is "can t", so "can" is followed by what it can do)
        'can+see|can+open|can+access|can+view|can+download|could+see|could+open|could+access|could+view|able+to+see|able+to+open|able+to+access|lets+me+see|lets+me+open|shows+me .. other+customers|other+customer+s|other+users|other+user+s|other+tenants|other+companies|other+company+s|other+accounts|other+people+s|another+customer|another+user|another+company|another+account|someone+else+s|strangers',
        'sent|emailed|mailed|exposed|leaked|leaking|leaks|returns|returned .. someone+else+s|another+customer+s|another+person+s|wrong+customer+s|other+people+s|other+tenants+data|other+customers+data',
        // Seen, in the past: "she could see another clinic's booking details" (not "could I see
        // another user's files?", a question about permissions)
        'could+see|could+open|could+view|could+access|was+able+to+see|were+able+to+see|was+shown|were+shown|got+to+see .. another|other .. s= details|data|bookings|booking|appointments|records|notes|information|invoices|files|documents|messages|emails',
        'returns|returned|exposes|exposed|leaks|leaked|gives+me|gave+me .. other+tenants|other+tenant+s|another+tenant+s|other+organisations|other+organizations|other+customers+emails|other+users+emails|other+users+data|other+people+s+data|other+people+s+emails',
        'shows|showed|showing|lists|listed|listing .. other+tenants|other+tenant+s|another+tenant+s|other+organisations|other+organizations|other+organisations+s|other+organizations+s',
        // Another company's records in the visitor's account
        'see|seeing|showing|shows|appear|appears|appearing|popped+up|turned+up .. from|of|belonging+to another+company|another+business|another+organisation|another+organization|a+different+company|a+company+i|a+company+we',
        'from|of|belonging+to another+company|another+business|another+organisation|another+organization|a+different+company|a+company+i|a+company+we .. showing+up|show+up|shows+up|appear|appears|appearing|popped+up|turned+up|in+my+account|in+our+account|in+my+dashboard|in+our+dashboard',
        // A vulnerability the visitor wants to disclose
        'responsibly+disclose|responsible+disclosure|coordinated+disclosure|disclose+responsibly|disclose+a+vulnerability|disclose+a+security',
        'was|were|has+been|have+been our|my data|information|details .. exposed|leaked|in+the+breach|part+of+the+breach|compromised',
        // Another user harassing or impersonating the visitor; mail pretending to be the company
        'keeps|kept|is|are|been|started harassing|threatening|stalking|bullying|insulting|abusing|impersonating me=|us=|our+company|our+brand',
        'pretending+to+be+me|pretending+to+be+us|posing+as+me|posing+as+us|impersonating+me|impersonating+us',
        // Illegal content on the company's service, reported
        'sharing|posting|spreading|hosting|distributing|selling .. child+abuse|csam|sexual+images+of+children|images+of+children|child+sexual|child+porn|child+pornography|terrorist+content|illegal+content',
        'sending|sends|sent|keeps+sending|posting|leaving me=|us= .. threatening|abusive|harassing|hateful|threats',
        'getting|receiving|received|got threatening|abusive|harassing|hateful messages|comments|emails|calls|dms|threats',
        'fake profile|account|accounts|page .. my+name|my+photos|pretending|impersonat',
        // A phishing page or scam hosted on the company's service ("an app hosted on your domain is impersonating our bank")
        'hosted|running|deployed|served on|from|by .. is|are impersonat|phishing|scam|malware|fraudulent|fake+login',
        'impersonat|phishing|scam|malware|fraudulent .. hosted+on|running+on|deployed+on|served+from|on+your+platform|on+your+servers|on+your+domain',
        'someone|somebody|they|an+app|a+site|this+site|a+page|an+account|a+user|someone+else .. impersonating|imitating|cloning|copying our|my= bank|company|brand|business|login|site|website|product|shop|store',
        'phishing|scam email|emails|message|messages|sms|text|texts .. pretending|claiming|from+you|in+your+name|looks+like+you|your+logo',
      ],
      da: [
        'sender+mig|skriver+til+mig|bliver+ved+med+at|jeg+far|jeg+modtager .. truende|kraenkende|chikanerende beskeder|mails|kommentarer',
        'returnerer|laekker|eksponerer .. data|oplysninger|fakturaer fra|om|for andre+kunder|andre+brugere|en+anden+kunde',
        'fundet|opdaget|fandt et|en sikkerhedshul|sikkerhedsfejl|sarbarhed|svaghed',
        'chikanerer+mig|truer+mig|forfolger+mig|udgiver+sig+for+at+vaere+mig',
        'ser|vises|dukker+op|star .. fra+et+andet+firma|fra+en+anden+virksomhed|fra+en+anden+kunde|fra+andre+kunder',
      ],
      de: [
        'schickt+mir|schicken+mir|sendet+mir|schreibt+mir|ich+bekomme|ich+erhalte|ich+bekam|wir+bekommen .. beleidigende|bedrohende|drohende|hasserfullte nachrichten|mails|kommentare|e+mails',
        'liefert|exponiert|leakt .. daten|rechnungen|bestellungen .. anderer+kunden|anderer+nutzer|anderer+benutzer|von+anderen+kunden|anderer+firmen',
        'gefunden|entdeckt|bemerkt .. sicherheitslucke|schwachstelle|sicherheitsproblem',
        'sicherheitslucke|schwachstelle|sicherheitsproblem .. gefunden|entdeckt',
        'belastigt|bedroht|beleidigt|stalkt mich|uns',
        'gibt+sich .. als+mich|als+uns',
        'sehe|erscheinen|erscheint|auftauchen|tauchen|angezeigt .. einer+anderen+firma|von+einer+anderen+firma|eines+anderen+unternehmens|eines+anderen+kunden|anderer+kunden',
      ],
      fr: [
        'signaler|remonter la|une|cette|ma faille|vulnerabilite|decouverte en+prive|confidentiellement|de+maniere+confidentielle|de+facon+confidentielle',
        'm+envoie|me+envoie|nous+envoie|m+envoient|me+envoient|je+recois|j+ai+recu|nous+recevons .. messages|mails|commentaires|propos insultants|menacants|haineux|harcelants|injurieux|insistants|deplaces|obscenes',
        'commentaires|messages harcelants|menacants|insultants|haineux|injurieux .. sous|sur mes|chacune+de+mes|mon+profil',
        'renvoie|expose|retourne .. donnees|factures|informations|commandes de|d autres+clients|un+autre+client|autres+utilisateurs|autres+entreprises',
        'trouve=|decouvert=|repere=|identifie= .. faille|vulnerabilite|probleme+de+securite',
        'me+harcele|nous+harcele|m+harcele|me+menace|nous+menace|usurpe+mon|usurpe+notre|se+fait+passer+pour+moi|se+fait+passer+pour+nous',
        'vois|voit|apparaissent|apparait|affiche|affichent .. d+une+autre+entreprise|d+une+autre+societe',
      ],
      es: [
        'reportar|reportarlo|reportarla|reportarlos|reportar+la+vulnerabilidad|reportar+el+fallo de+forma+privada|en+privado|confidencialmente|de+manera+privada|de+forma+confidencial',
        'me+envia|me+manda|me+envian|me+mandan|recibo|he+recibido|mandarme|enviarme .. mensajes|correos|comentarios insultantes|amenazantes|acosadores|ofensivos',
        'devuelve|expone|filtra .. datos|facturas|informacion|pedidos de otros+clientes|otro+cliente|otros+usuarios|otro+usuario|otras+empresas|otra+empresa',
        'encontrado|descubierto|encontre|descubri|detectado .. vulnerabilidad|fallo+de+seguridad|agujero+de+seguridad|brecha+de+seguridad',
        'me+esta+acosando|me+acosa|nos+acosa|me+amenaza|nos+amenaza|suplantando+mi|suplanta+mi|se+hace+pasar+por+mi',
        'veo|aparecen|aparece|muestra|salen .. de+otra+empresa|de+otro+cliente|de+otros+clientes',
      ],
      nl: [
        'stuurt+me|stuurt+mij|sturen+me|sturen+mij|ik+krijg|ik+ontvang|blijft+mij|blijft+me .. beledigende|bedreigende|intimiderende berichten|mails|reacties',
        'retourneert|lekt .. gegevens|data|facturen|bestellingen van+andere+klanten|van+andere+gebruikers|van+een+andere+klant',
        'gevonden|ontdekt .. beveiligingslek|kwetsbaarheid|beveiligingsprobleem|beveiligingsfout',
        'beveiligingslek|kwetsbaarheid|beveiligingsprobleem|beveiligingsfout .. gevonden|ontdekt',
        'valt+me+lastig|bedreigt+me|bedreigt+ons|stalkt+me|doet+zich+voor+als+mij|word+lastiggevallen|word+bedreigd',
        'zie|staan|verschijnen|verschijnt|opduiken .. van+een+ander+bedrijf|van+een+andere+organisatie|van+een+andere+klant|van+andere+klanten',
      ],
      sv: [
        'skickar|skickat|jag+far|jag+fick|far+jag .. hotfulla|krankande|trakasserande meddelanden|mejl|kommentarer',
        'returnerar|lacker .. data|uppgifter|fakturor fran|om|for andra+kunder|andra+anvandare|en+annan+kund',
        'hittat|hittade|upptackt|upptackte .. sakerhetshal|sarbarhet|sakerhetsbrist|sakerhetsfel',
        'sakerhetshal|sarbarhet .. hittat|hittade|upptackt',
        'trakasserar+mig|hotar+mig|forfoljer+mig|utger+sig+for+att+vara+mig',
      ],
    },
  },
];

/**
 * A visitor who still has the second factor has not lost it ("I still have my phone but lost the
 * recovery codes, how do I make new ones?"): a how-to the help centre answers, so the lost-2FA
 * category does not fire.
 */
export const STILL_HAS_SECOND_FACTOR: PhraseList = {
  en: [
    'still+have=|still+got=|still+has=|i+have+still my|the phone=|device=|authenticator|yubikey|security+key|old+phone=',
    'have=|has=|got= my|the phone=|device=|authenticator|yubikey .. still=',
  ],
  da: ['har+stadig|har+endnu min|mit telefon|telefonen|mobil|mobilen|enhed|enheden|authenticator', 'har min|mit telefon|telefonen|mobil|mobilen .. stadig=|endnu='],
  de: ['habe+noch|hab+noch mein|meine|das handy|telefon|smartphone|gerat|authenticator', 'habe|hab mein|meine|das handy|telefon|smartphone .. noch='],
  fr: ['ai+toujours|ai+encore mon|ma|le telephone|portable|appareil|authentificateur'],
  es: ['todavia+tengo|aun+tengo|sigo+teniendo mi|el telefono|movil|celular|dispositivo|autenticador', 'tengo mi|el telefono|movil|celular .. todavia=|aun='],
  nl: ['heb+nog+steeds|heb+nog mijn|de telefoon|toestel|authenticator', 'heb mijn|de telefoon|toestel .. nog='],
  sv: ['har+fortfarande|har+kvar min|mitt telefon|telefonen|mobil|mobilen|enhet|enheten|authenticator', 'har min|mitt telefon|telefonen|mobil|mobilen .. kvar='],
};

/**
 * The recovery codes are the way back in ("my phone broke but I saved the recovery codes"): a
 * how-to, unless the rest of the sentence says they are lost or do not work.
 */
export const HAS_RECOVERY_CODES: PhraseList = {
  en: ['saved|kept|have=|has=|got=|wrote+down|printed|stored the|my|our= recovery+codes|backup+codes|recovery+code|backup+code|recovery+key'],
};

/**
 * The visitor runs the software themselves ("I run it in Docker", "my self-hosted instance"): a
 * lock-out or a rejected second factor there is a question about their installation, which the
 * documentation answers and the team cannot reset from its side, so the account-access and
 * lost-2FA categories do not fire. Said with a negation ("not self-hosted") it does not hold.
 */
export const SELF_HOSTED: PhraseList = {
  en: [
    'self+hosted|selfhosted|self+hosting|selfhosting|self+host|selfhost',
    'i+host|we+host|i+run|we+run|i+installed|we+installed|i+deployed|we+deployed it|this .. myself|ourselves|locally|at+home',
    'my|our own= server|servers|instance|vps|homelab',
    // Running or installing it, said so ("I run a small Forgepoint instance"); not "our server",
    // which a hosting company's customers say of the server it runs for them
    'i+run|we+run|i+host|we+host|i+maintain|we+maintain|i+administer|we+administer a|an|our|my .. instance|server|installation',
    'installed|deployed|set+up .. on+my|on+our|on+a|on+an .. server|servers|vps|nas|raspberry|homelab',
    'docker+compose|docker+container|docker+image|docker+run|in+docker|on+docker|with+docker|via+docker|kubernetes|k8s|portainer|unraid|helm+chart|on+premise|on+premises|on+prem|localhost',
    // What only the one who runs it has: its secrets file
    'env+production|env+file|dotenv',
    'the|my|our|in|an env=',
  ],
  da: ['selvhostet|selvhostede|min=+egen+server|vores+egen+server', 'vores|min egen installation|instans|server'],
  de: [
    'selbst+gehostet|selbstgehostet|selbst+gehostete|selbstgehostete|eigenen+server|eigener+server',
    'auf+einem+raspberry|auf+meinem+raspberry|auf+unserem+raspberry|selbst+betrieben|selbst+betreiben|auf+unserem+eigenen|auf+meinem+eigenen',
  ],
  fr: ['auto+heberge|autoheberge|auto+hebergee|autohebergee|mon+propre+serveur|notre+propre+serveur', 'heberge|installe|deploye sur notre|nos|mon|mes serveur|serveurs'],
  es: ['autoalojado|auto+alojado|autoalojada|mi+propio+servidor|nuestro+propio+servidor', 'instalado|instalada|alojado|alojada|hospedado en nuestro|nuestros|mi|mis servidor|servidores'],
  nl: ['zelf+gehost|zelfgehost|zelf+gehoste|mijn+eigen+server|onze+eigen+server'],
  sv: ['egen+server|egna+servrar|sjalvhostad|sjalvhostade'],
};

/**
 * The visitor received a legal notice, as the one who runs a service ("I got a DMCA takedown
 * notice about a repo one of our users hosts", "wir haben eine Abmahnung bekommen"): the lawyer
 * or the police are someone else's, and what the visitor asks is what the software offers, so the
 * legal-threat category does not fire on that sentence. Not a notice from the company ("a letter
 * from your lawyer").
 */
export const RECEIVED_LEGAL_NOTICE: PhraseList = {
  en: [
    'got|received|receive|receiving|get|getting|gotten|been+sent|was+sent|were+sent|been+served|was+served|were+served a|an|the|this dmca|takedown|copyright|infringement|cease notice|notices|letter|claim|complaint|request',
    'got|received|receive|receiving|get|getting|gotten|been+sent|was+sent|were+sent a|an|the|this letter|notice|request|complaint|subpoena|warrant from .. lawyer|lawyers|attorney|law+firm|police|court|authorities|rights+holder|copyright+holder',
  ],
  de: ['abmahnung|anwaltsschreiben|anwaltliches+schreiben|schreiben+eines+anwalts|brief+eines+anwalts|anfrage+der+polizei|polizeiliche+anfrage .. bekommen|erhalten|zugestellt', 'bekommen|erhalten|erhielten|bekamen .. abmahnung|anwaltsschreiben|anfrage+der+polizei|polizeiliche+anfrage'],
  fr: ['recu|recevons|recoit .. lettre|courrier|mise+en+demeure|notification|requisition|demande|plainte .. avocat|police|tribunal|dmca|ayant+droit|ayants+droit|droits+d+auteur', 'recu|recevons|recoit une mise+en+demeure|notification+dmca|lettre+d+avocat'],
  es: ['nos+llego|me+llego|nos+ha+llegado|recibimos|recibi|hemos+recibido|he+recibido .. carta|notificacion|requerimiento|denuncia|aviso|solicitud .. abogado|abogados|policia|juzgado|dmca|derechos'],
  nl: ['ontvangen|gekregen|ontvingen|kregen .. brief|sommatie|verzoek|melding|klacht .. advocaat|politie|rechter|dmca|auteursrecht', 'brief|sommatie|verzoek|melding .. advocaat|politie|dmca .. ontvangen|gekregen'],
  da: ['modtaget|faet|fik|modtog .. brev|henvendelse|anmodning|klage .. advokat|politiet|dmca|ophavsret'],
};

/** The visitor is on the company's hosted service after all ("we moved to your cloud"): SELF_HOSTED does not hold. */
export const ON_HOSTED_SERVICE: PhraseList = {
  en: ['with+you+guys|hosted+with+you|on+your+servers|on+your+platform|your+cloud|the+cloud+version|your+hosted|the+hosted+version|your+hosted+service|hosted+by+you|cloud+plan|cloud+account|cloud+subscription|not+self|no+longer+self|moved+from+self|migrated+from+self|switched+from+self|moved+away+from+self|moved+from+docker|migrated+from+docker'],
  // "Hosted on my server with you": the company's
  fr: ['chez+vous|de+chez+vous|sur+vos+serveurs|votre+cloud|votre+offre+hebergee'],
  es: ['de+ustedes|con+ustedes|en+sus+servidores|su+nube|vuestra+nube|vuestros+servidores'],
  de: ['bei+euch|bei+ihnen|auf+euren+servern|auf+ihren+servern|eurer+cloud|ihrer+cloud'],
  nl: ['bij+jullie|bij+u|op+jullie+servers|jullie+cloud'],
  da: ['hos+jer|hos+dig|pa+jeres+servere|jeres+cloud'],
};

/**
 * What would happen if an admin were gone ("if the only admin is unreachable, who can approve
 * requests?"): a question about the product's rules, not a lock-out.
 */
/**
 * A refund asked about in general, with the impersonal "one" of the Nordic languages and German
 * ("kan man få pengene tilbage hvis man opsiger midt i perioden?"): the policy, not the visitor's
 * money. It holds for its own sentence only, so "jeg vil have mine penge tilbage" beside it fires.
 */
export const GENERAL_REFUND_QUESTION: PhraseList = {
  // The money asked about after the impersonal: "ich will mein Geld zurück, wie kann man das
  // beantragen" demands it first
  da: ['kan+man|far+man|hvis+man|skal+man .. pengene|penge|belobet|tilbage|refunderet|refusion'],
  sv: ['kan+man|far+man|om+man .. pengarna|pengar|tillbaka|aterbetalning'],
  de: ['kann+man|bekommt+man|wenn+man|erhalt+man .. geld|zuruck|erstattet|erstattung|ruckerstattung'],
  en: ['can+one|does+one|if+one|would+one .. money|refund|refunded|back'],
};

/**
 * Data made for trying the product out ("how to delete all the test data before we go live"):
 * deleting it is a how-to, not a request to erase the visitor's personal data.
 */
export const SAMPLE_DATA: PhraseList = {
  // Asked how to remove it: "someone created fake accounts with my data" is no how-to
  en: ['how+to|how+do+i|how+can+i|how+do+we|how+can+we|can+i|can+we|where+can+i|is+there+a+way+to .. delete|remove|wipe|clear|reset|purge .. test=|sample|demo=|dummy|fake=|seed=|seeded data|contacts|conversations|records|entries|users|accounts'],
  de: ['testdaten|beispieldaten|demodaten|testkonten|testnutzer'],
  fr: ['donnees de+test|d+exemple|de+demo|fictives'],
  es: ['datos de+prueba|de+ejemplo|de+demo|ficticios'],
  nl: ['testdata|voorbeelddata|demodata|testgegevens|voorbeeldgegevens'],
  da: ['testdata|eksempeldata|demodata'],
  sv: ['testdata|exempeldata|demodata'],
};

/**
 * The visitor runs the accounts ("I'm the server admin", "I want to close his account"): managing
 * other people's access is a how-to, unless the visitor is locked out too (LOCKED_OUT, anywhere
 * in the message).
 */
export const MANAGES_ACCOUNTS: PhraseList = {
  // Said of someone else's account or second factor, or asked how to do it to them; saying "I'm
  // the admin" is not enough ("I'm the admin and my phone broke" is the admin's own lost 2FA)
  en: [
    'close|deactivate|disable|remove|delete|offboard|suspend|lock|invalidate|revoke|terminate .. his|her|their account|accounts|user|access|sessions',
    'how+do+i|how+can+i|how+to|how+do+we|how+can+we|where+do+i|where+can+i .. transfer|move|reassign|hand+over .. ownership|owner',
    'how+do+i|how+can+i|how+to|how+do+we|how+can+we|where+do+i|where+can+i .. unlock|re+enable|reenable|reactivate|unblock|unban|unsuspend',
    'reset|disable|remove|turn+off|clear|reenable|re+enable mfa|2fa|two+factor|totp|otp|two+step for|of a|an|the|one|this|that|each|every|our|all user|users|member|members|employee|employees|student|students|colleague|teammate',
    'reset|disable|remove|turn+off|clear mfa|2fa|two+factor|totp|otp|two+step for|of him|her|them',
    'reset|disable|remove|turn+off|switch+off|clear|bypass his|her|their 2fa|mfa|two+factor|totp|otp|two+step',
    // The visitor's users, said as such ("some users get 'account disabled'", "one of our users forgot her password")
    'some+users|our+users|all+users|many+users|several+users|our+members|our+employees|our+staff|our+students get=|gets=|see=|receive=|are+getting|keep+getting',
    'our+users|our+ldap+users|our+sso+users|some+users|all+users|our+members|our+employees|our+staff|our+students cannot|are+unable|can+no+longer',
    'one+of+the+users|one+of+our+users|one+of+my+users|one+of+our+members|one+of+our+employees|one+of+my+team .. forgot|lost|locked|can+t|cannot',
    // Making oneself or a colleague admin of something within the account ("can I give myself admin rights in that room?")
    'can+i|how+do+i|how+can+i|how+to give|grant|make .. myself|a+colleague|a+coworker|a+teammate .. admin|admin+rights|moderator|owner|power+level',
  ],
  de: ['wie .. mitarbeiter|mitarbeiterin|benutzer|nutzer|kollegen|kollegin|schuler .. zuruck|entsperr|deaktivier|reaktivier', 'wie .. entsperr|zurucksetz|deaktivier|reaktivier .. mitarbeiter|mitarbeiterin|benutzer|nutzer|kollegen|kollegin|schuler'],
  fr: ['comment .. reinitialis|debloqu|desactiv|reactiv .. employe|employee|utilisateur|utilisatrice|membre|collegue|eleve'],
  es: ['como .. restable|desbloque|desactiv|reactiv .. empleado|empleada|usuario|usuaria|miembro|companero|companera|alumno|alumna'],
  nl: ['hoe .. reset|ontgrendel|deblokkeer|deactiveer|heractiveer .. medewerker|gebruiker|collega|leerling'],
  da: ['hvordan .. nulstil|laser+op|deaktiver|genaktiver .. medarbejder|bruger|kollega|elev'],
  sv: ['hur .. aterstall|laser+upp|inaktiver|aktiver .. anstalld|anvandare|medarbetare|kollega|elev'],
};
export const LOCKED_OUT: PhraseList = {
  en: [
    'i|we can+t|cannot|cant|unable|couldn+t|can+not log+in|login|sign+in|access|get+in|get+into',
    'locked+out|lost+access|no+access|no+longer+have+access|nobody+can+log|no+one+can+log',
    'my+account|our+account|my+login|our+login|my+profile|our+workspace|our+organisation|our+organization|our+instance|our+subscription|our+accounts .. disabled|locked|suspended|blocked|deactivated|banned|terminated',
    // Any trouble of the visitor's own: "I am the admin and I forgot my password", "… but cannot add billing"
    'forgot|forgotten|lost my|our password|login|credentials|phone|2fa|authenticator',
    'my|our|mine|the authy|authenticator|phone|2fa|mfa|recovery+codes|backup+codes|security+key|yubikey .. gone|lost|broken|broke|stolen|missing|wiped|dead|died|empty',
    'my|mine .. old+number|old+phone|new+phone|new+number|changed+number',
    'i|we|but can+t|cannot|cant|unable|couldn+t|not+able',
  ],
};

export const HYPOTHETICAL_ADMIN: PhraseList = {
  en: ['if|what+if|in+case|suppose|supposing|whenever the|an|our|my|a only|sole|single|former|ex= admin|administrator|owner|employee|employees'],
  de: ['wenn|falls der|die|unser|unsere einzige|einzigen|ehemalige|ehemaliger admin|administrator|inhaber|besitzer'],
  fr: ['si|au+cas+ou le|la|l|notre seul|unique|ancien|ancienne admin|administrateur|proprietaire'],
  es: ['si|en+caso+de+que el|la|nuestro|nuestra unico|unica|antiguo|antigua admin|administrador|propietario'],
  nl: ['als|indien de|het|onze|ons enige|enigste|voormalige|oud admin|beheerder|eigenaar'],
};

/**
 * Seeing other companies' or customers' records on purpose ("how do I see transactions from
 * another company in the consolidated report?"): a how-to, in the sentence that says it.
 */
export const SEEING_OTHERS_QUESTION: PhraseList = {
  en: ['how+do+i|how+can+i|how+to|how+do+we|how+can+we|can+i|can+we see|show|view|display|filter|export|list|combine|merge|compare|consolidate .. another|other|a+different'],
  de: ['wie= sehe|zeige|filtere|exportiere .. anderen|andere|anderer'],
  fr: ['comment voir|afficher|filtrer|exporter .. autre|autres'],
  es: ['como veo|muestro|filtro|exporto .. otra|otro|otros|otras'],
  nl: ['hoe= zie|toon|filter|exporteer .. andere|ander'],
  da: ['hvordan ser|viser|filtrerer|eksporterer .. anden|andet|andre'],
};

/**
 * Questions about security and moderation features ("how do I restrict who sees other users'
 * comments?", "what did your last penetration test find?"), not reports: the security and abuse
 * category does not fire on them.
 */
export const SECURITY_QUESTION: PhraseList = {
  en: [
    'how+do+i|how+can+i|how+to|how+do+we|how+can+we restrict|hide|prevent|moderate|limit|configure|enable',
    // Protecting a site or community in general ("how do I protect my site from phishing?",
    // "how do I stop members from sharing images…"), not someone harassing the visitor
    'how+do+i|how+can+i|how+to|how+do+we|how+can+we protect|stop|prevent|detect .. from+phishing|against+phishing|phishing|spam|scams|malware|members+from|users+from|people+from',
    'penetration+test|pentest|bug+bounty|disclosure+policy|security+policy|security+txt',
    // A scanner's finding the visitor doubts ("it says this is a vulnerability, but it is a false positive")
    'false+positive|false+positives',
  ],
  de: ['wie+kann+ich|wie+kann+man einschranken|verbergen|verhindern|moderieren|begrenzen', 'pentest|penetrationstest|sicherheitsrichtlinie'],
  fr: ['comment+puis+je|comment+faire+pour restreindre|masquer|empecher|moderer|limiter', 'pentest|test+d+intrusion|politique+de+divulgation|politique+de+securite'],
  es: ['como+puedo|como+se restringir|ocultar|evitar|moderar|limitar', 'pentest|prueba+de+penetracion|politica+de+divulgacion|politica+de+seguridad'],
  nl: ['hoe+kan+ik|hoe+moet+ik beperken|verbergen|voorkomen|modereren', 'pentest|penetratietest|beveiligingsbeleid'],
  da: ['hvordan+kan+jeg begraense|skjule|forhindre|moderere', 'pentest|penetrationstest|sikkerhedspolitik'],
  sv: ['hur+kan+jag begransa|dolja|forhindra|moderera', 'pentest|penetrationstest|sakerhetspolicy'],
};

/** "That didn't help": counted across the conversation; twice is a trigger. */
/**
 * The visitor says the assistant itself is failing them (not the product): with this, a request
 * for a person stands even where a guard would take it for a question about the product's own
 * people features. English only for now.
 */
export const ASSISTANT_FAILING: PhraseList = {
  en: [
    'the|this|your|these bot=|bots=|botter|bottar|chatbot|assistant|ai= answers|answer|answering|replies|responses .. not|aren+t|isn+t|don+t|doesn+t|useless|unhelpful|wrong|cutting|pointless',
    'you|bot=|bots=|botter|bottar|chatbot|assistant re|are|is useless|unhelpful|pointless|not+helping|no+help|not+helpful',
    // Not wanting the assistant at all ("I don't want to chat with an AI")
    'don+t|dont|do+not|not want|wanna|like .. chat|talk|speak with|to bot=|bots=|ai=|chatbot|robot|machine',
    // "I don't want a bot answer", "no more automated replies"
    'don+t|dont|do+not|not want|need a|an|any|more bot=|bots=|botter|bottar|chatbot|ai=|robot|machine|automated answer|answers|reply|replies|response|responses',
    'no+more bot=|bots=|botter|bottar|chatbot|ai=|robot|automated answers|replies|responses',
    // "I don't want more links" after going through the help pages
    'i= don+t|dont|do+not want|need more|any+more|other links|articles|help+pages|docs|documentation|answers',
  ],
};

export const DISSATISFACTION: PhraseList = {
  en: [
    'didn+t|did+not|doesn+t|does+not|not= help|helping|helpful|answer|work|working|solve|useful',
    'not=|no help=|helpful|useful',
    'useless|unhelpful|pointless|worthless',
    'wrong answer',
    'not= what i asked|meant|need|needed|want|wanted',
    'still doesn+t|does+not|not= work|working|broken',
    'you re|you+are not= helping|understanding|listening',
    'that+s|that+is not= right|correct|it',
    'not=|aren+t|isn+t|arent|isnt|don+t|doesn+t cutting+it|cut+it',
  ],
  da: ['hjalp|hjælper|hjaelper ikke', 'ikke hjalp|hjaelp|brugbar|det+jeg+spurgte', 'virker stadig+ikke', 'forkert svar', 'ubrugelig|ubrugeligt'],
  de: ['hilft|half nicht|nichts', 'nicht hilfreich', 'falsche antwort', 'funktioniert immer+noch+nicht', 'nutzlos', 'nicht was+ich gefragt|meinte|wollte'],
  fr: ['aide pas|rien', 'pas aide|utile', 'inutile', 'mauvaise reponse', 'fonctionne|marche toujours+pas', 'pas ce+que j demande|voulais'],
  es: ['no ayuda|ayudo|sirve|sirvio', 'me ayuda|sirve nada', 'respuesta incorrecta|equivocada', 'sigue+sin funcionar', 'todavia+no funciona', 'inutil', 'no+es lo+que pregunte|pedi'],
  nl: ['helpt|hielp niet|niets', 'niet nuttig|behulpzaam', 'verkeerd antwoord', 'werkt nog+steeds+niet', 'nutteloos', 'niet wat+ik vroeg|bedoelde'],
  sv: ['hjalper|hjalpte inte', 'inte till+hjalp', 'fel svar', 'fungerar fortfarande+inte', 'vardelos|oanvandbar', 'inte det+jag fragade'],
};
