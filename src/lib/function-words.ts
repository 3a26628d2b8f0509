// Function words of the widget's languages beyond the `stopword` package's lists (language.ts):
// pronouns in every case, determiners and quantifiers, auxiliary and modal verbs in every person
// and tense, prepositions and their contractions, question words, adverbs that name no topic,
// greetings, salutations ("Sehr geehrte Damen und Herren") and the words of idioms that name
// nothing ("une fois", "tout le monde", "i forhold til", "in verband met", "ett par dagar").
// Left in the questions they counted as words no English page uses, so the answerability gate
// read "Kunnen jullie…" as about something the content lacks. Written by helpers from their own
// knowledge, never from a question set, then reviewed. Never nouns or words with a content
// meaning ("fået", received; "estimado", estimated; "namens", on behalf of; "lg", a brand),
// numerals ("two-factor"), times, words that are software terms in English ("bin", "etc",
// "todo"), or words that begin a glossary pair ("tous les jours": daily; "trop perçu"); no
// negation was added. "mehrere", "plusieurs" (multiple) and "erneut", "opnieuw" (retry) are left
// to the glossary.
export const FUNCTION_WORDS: Record<string, string> = {
  da: `
aabenbart adskillige af al alle allerede allesammen alligevel alt altid altså anden andet andre
andres ang angaaende angående at atter baade bag bagved bare begge behøve behøvede behøver
beklager bla blandt blev blevet bli blir blive bliver blot bor btw burde både bør da davs de dem
den denne dens der deraf derefter deres derfor derfra derhenne deri derimod derinde dermed
derovre derpå dersom dertil derude derudover derved desuden desvaerre desværre det dets dette
dig din dine disse dit dog du dvs efter eftersom egentlig egentligt eller ellers en end endda
endnu endog enhver ens enten er et ethvert evt faa faaet faar faktisk feks flere flest fleste
for foran fordi forhaand forhold forhånd formentlig formodentlig forresten forøvrigt fra frem fx
få får før ganske gennem gerne gider goddag godt grundet ha haft hallo halløj ham han hans har
havde have hej hejhej hejsa heldigvis heller hellere helst hen hende hendes henholdsvis henne
her heraf herefter herfra herhenne heri herinde hermed herovre herpå hertil herude herved hey
hhv hi hilsen hilsner hinanden hinandens hos hun hva hvad hvem hvems hver hverandre hverandres
hvert hvilke hvilken hvilket hvis hvor hvoraf hvordan hvorefter hvorfor hvorfra hvorhen
hvorhenne hvori hvorigennem hvorimod hvorledes hvormed hvornaar hvornår hvorom hvorpå hvortil
hvorunder hvorved hvorvidt i idet ifm ifoelge ift ifølge igen igennem iht ihvertfald imedens
imellem imens imidlertid imod inde inden indenfor indtil inkl iøvrigt ja jamen jeg jer jeres jo
kaere kan kh kun kunne kunnet kære lad langs lidt lige ligeledes ligesom maa maaske man mange
med megen meget mellem men mens mere mest mht mig min mine mit mod mon muligvis mvh må måske
måtte måttet naar naesten naturligvis nemlig netop noedt nogen nogens noget nogle nok nu når
næsten nødt ofte og ogsaa også om omend omkring os osv over ovre paa per pga pludselig
pludseligt pt på saa saadan saadanne saadant saafremt saaledes saasom saavel samt samtlige
sandsynligvis selv selve selvfoelgelig selvfølgelig selvom sgu sig sin sine sit skal skulle
skullet skønt som sommetider sorry stadig stadigvaek stadigvæk så sådan sådanne sådant såfremt
sågar således såsom såvel sædvanligvis tak takker taknemmelig temmelig til tilsyneladende tog
trods ude udenfor udover under undskyld vaere vaeret var ved vedr vedroerende vedrørende vel
venlig venlige venligst vh vi via vil ville villet virkelig visse vistnok vor vore vores vort
være været åbenbart
`,
  de: `
aber alle allem allen aller allerdings alles als also am an andere anderem anderen anderer
anderes andern anhand ans anscheinend ansonsten auch auf aufs aus ausserdem außerdem bei beide
beiden beider beides beim bereits bevor beziehungsweise bezueglich bezüglich bis bisher bislang
bisschen bist biste bitte bitteschoen bitteschön bißchen bloss bloß brauche brauchen brauchst
braucht brauchte brauchten btw bzgl bzw da dabei dadurch dafuer dafür dagegen daher dahin damen
damit danach daneben dank danke dankeschoen dankeschön dann daran darauf daraufhin daraus darf
darfst darin darueber darum darunter darüber das dass davon davor dazu dazwischen daß dein deine
deinem deinen deiner deines dem den denen denn dennoch der deren derer derzeit des deshalb
dessen desto deswegen dh dich die dies diesbezueglich diesbezüglich diese diesem diesen dieser
dieses dir doch dort dran drauf draus drin drueber drum drunter drüber du duerfen duerfte
duerften durch durchs durfen durfte durften dürfen dürfte dürften eben ebenfalls ebenso eh ehe
eher eigentlich ein einander eine einem einen einer eines einige einigem einigen einiger einiges
entschuldigung entweder er es etwa etwas euch euer eure eurem euren eurer eures eventuell evtl
falls folglich freundliche freundlichen fuer fuers fur für fürs gab gaebe ganz gar geehrte
geehrten geehrter gegebenenfalls gegen gegenueber gegenüber gehabt genauso gerade gern gerne
gewesen geworden ggf gibt gibts grad grade gruesse gruss gruß grüsse grüssen grüß grüße grüßen
guten gäbe hab habe haben habs habt haette haetten haettest haeufig hallo halt handelt hast
haste hat hats hatte hatten hattest hause her herren herzliche herzlichen hey hi hier hierauf
hierbei hierfuer hierfür hiermit hierzu hin hingegen hinter hoffentlich hätte hätten hättest
häufig ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer immerhin in indem inkl
inklusive ins insofern inwiefern inwieweit inzwischen irgendein irgendeine irgendeinem
irgendeinen irgendeiner irgendeines irgendjemand irgendwann irgendwas irgendwelche irgendwelchen
irgendwelcher irgendwer irgendwie irgendwo is ist ists ja je jede jedem jeden jedenfalls jeder
jedes jedoch jemand jemandem jemanden jemands jene jenem jenen jener jenes jetzt jeweils kann
kannst kannste koennen koennt koennte koennten koenntest konnen konnte konnten konntest können
könnt könnte könnten könntest laesst lass lasse lassen lasst lediglich leider liebe lieben
lieber liebes lässt mag magst mal man manche manchem manchen mancher manches manchmal mehr mein
meine meinem meinen meiner meines meins meiste meisten meistens mfg mich mir mit mittlerweile
mochte mochten moechte moechten moechtest moegen moeglicherweise moin moinsen momentan muessen
muesst muesste muessten muss mussen musst musste mussten musstest muß mußt mußte mußten möchte
möchten möchtest mögen möglicherweise müssen müsst müsste müssten müsstest nach nachdem naemlich
natuerlich natürlich ne neben nem nen ner noch nochmal nochmals normalerweise nun nur nämlich ob
obgleich obwohl oder oefter oefters offenbar offensichtlich oft ohnehin per ploetzlich plötzlich
quasi raus rein saemtliche samt scheinbar schon sehr sei seid seien sein seine seinem seinen
seiner seines seit seitdem selber selbst selbstverstaendlich selbstverständlich servus sich
sicherlich sie sind so sobald sodass sofern sogar solange solch solche solchem solchen solcher
solches soll sollen sollst sollt sollte sollten solltest somit sondern sonst sorry sowas soweit
sowie sowieso sowohl sozusagen stets ständig sämtliche tatsaechlich tatsächlich trotz trotzdem
tschüs tschüss ueber ueberhaupt uebers uebrigens um ums umso und uns unser unsere unserem
unseren unserer unseres unsre unter usw vermutlich vg via viel viele vielem vielen vieler vieles
vielleicht vlg vllt vlt vom von vor waehrend waere waeren waerst wahrend wahrscheinlich wann war
waren wars warst warum was wegen weil welch welche welchem welchen welcher welches wem wen wenig
wenige wenigen weniger wenn wer werde werden werdet weshalb wessen wie wieder wieso wieviel
wieviele will willst willste wir wird wirklich wirst wo wobei wodurch wofuer wofür wogegen woher
wohin wohl wollen wollt wollte wollten wolltest womit womoeglich womöglich wonach woran worauf
woraus worden worin worueber worum worunter worüber wovon wovor wozu wuerde wuerden wuerdest
wurde wurden wurdest während währenddessen wäre wären wärst würde würden würdest zb ziemlich zu
zudem zum zumal zumindest zur zurzeit zwar zwischen zwischenzeitlich öfter öfters über überhaupt
übers übrigens
`,
  es: `
a aca acaso acerca actualmente acá ademas además afortunadamente agradeceria agradecería
agradecida agradecido agradezco ahi ahora ahí al algo alguien algun alguna algunas alguno
algunos algún alla alli allá allí alrededor ambas ambos ante antes aparentemente aproximadamente
aquel aquella aquellas aquello aquellos aqui aquí asi asimismo así atentamente aun aunque aún
basicamente bastante bastantes bien básicamente cada casi ciertas ciertos como con conmigo
conque consigo contigo contra cordiales cordialmente cual cuales cualquier cualquiera cuando
cuanta cuantas cuanto cuantos cuya cuyo cuál cuáles cuándo cuánta cuántas cuánto cuántos cómo de
deba deban debe debemos deben debera deberia deberiamos deberian deberias deberá debería
deberíamos deberían deberías debes debia debian debido debieron debio debió debo debía debían
del demas demasiada demasiadas demasiado demasiados demás desafortunadamente desde despues
después disculpa disculpe disculpen donde durante dónde e efectivamente el ella ellas ello ellos
en entonces entre era eramos eran eres es esa esas ese eso esos especialmente esta estaba
estabamos estaban estamos estan estando estar estara estaran estare estaria estarian estará
estarán estaré estaría estarían estas este esten esto estos estoy estuve estuvo está estábamos
están estás esté estén evidentemente favor finalmente fue fueran fueron fuese fui gracias
gustaria gustaría ha habia habiamos habian habido habria habriamos habrian habría habríamos
habrían había habíamos habían hacia han has hasta hay haya hayan he hemos hola hubo iba ibamos
iban igualmente incluso junto justamente la lamentablemente las le les lo los luego mas me
mediante mi mia mias mientras mio mios mis mucha muchas muchisimas mucho muchos muchísimas muy
mí mía mías mío míos nos nosotras nosotros nuestra nuestras nuestro nuestros o obviamente ojala
ojalá otra otras otro otros para perdon perdone perdón pero poca pocas poco pocos podemos podia
podiamos podian podido podra podran podre podria podriamos podrian podrias podrá podrán podré
podría podríamos podrían podrías podía podíamos podían por porfa porfavor porq porque porqué
posiblemente pq practicamente probablemente prácticamente pude pudiera pudieron pudo pueda
puedan puede pueden puedes puedo pues q que queremos querer queria queriamos querian querida
querido queridos querria querrian querría querrían quería queríamos querían quien quienes quiera
quieran quiere quieren quieres quiero quise quisiera quisieran quisieron quiso quiza quizas
quizá quizás quién quiénes qué realmente respecto saludo saludos se sea sean segun seguramente
según ser sera seran sere seria serian será serán seré sería serían señor señora señoras señores
si sido siendo simplemente slds sobre solamente solo somos son soy su sus suya suyas suyo suyos
sí sólo tal tales tambien también tan tanta tantas tanto tantos te tendra tendre tendria
tendrian tendrá tendré tendría tendrían tenemos tener tenga tengan tengo tenia teniamos tenian
tenido teniendo tenía teníamos tenían ti tiene tienen tienes toda todas todavia todavía todos
tras traves través tu tus tuve tuvieron tuvo tuya tuyas tuyo tuyos tú u ud uds un una unas
unicamente unos usted ustedes va vamos van vas vaya vayan verdaderamente versus via vosotras
vosotros voy vuestra vuestras vuestro vuestros vía xfa xq y ya yo él éramos ésta éste íbamos
únicamente
`,
  fr: `
a actuellement afin ai aie aient aies aille aillent aimerais aimerions ainsi ait allaient allais
allait allez alliez allions allons alors apparemment apres as assez au aupres auprès auquel aura
aurai auraient aurais aurait auras aurez auriez aurions aurons auront aussi autant autour autre
autres autrui aux auxquelles auxquels avaient avais avait avec avez aviez avions avons ayant
ayez ayons beaucoup bien bjr bonjour bonsoir bref c car cdlt ce ceci cela celle celles celui
celà cependant certainement certaines certains ces cet cette ceux chacun chacune chez combien
comme comment concernant contre cordialement coucou d dans de deja depuis derriere derrière des
desole desolee desquelles desquels devaient devais devait devant devez deviez devions devons
devra devrai devraient devrais devrait devras devrez devriez devrions devrons devront dois doit
doive doivent doives donc dont du duquel durant dès déjà désolé désolée dû effectivement
egalement elle elles en encore enfin ensuite entre envers environ es est et etaient etais etait
etant etes etiez etions etre eue euh eurent eus eut eux eventuellement evidemment excusez
fallait fallu faudra faudrait faut finalement fois furent fus fut hein heureusement ici il ils
ira irai iraient irais irait iras irez iriez irions irons iront j je jusqu jusque juste
justement l la laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsque lui là
m ma maintenant mais malgre malgré malheureusement me merci mes mien mienne miennes miens moi
mon monde neanmoins nombreuses nombreux nos notamment notre notres nous néanmoins nôtre nôtres
on ont ou oui où par parce pardon parmi peine pendant peu peut peuvent peux plait plaît plupart
plutot plutôt pour pourquoi pourra pourrai pourraient pourrais pourrait pourras pourrez pourriez
pourrions pourrons pourront pourtant pouvaient pouvais pouvait pouvant pouvez pouviez pouvions
pouvons presentement presque probablement présentement pu puis puisqu puisque puisse puissent
puisses puissiez puissions qu quand quant quasiment que quel quelconque quelle quelles quelqu
quelque quelques quels qui quiconque quoi quoique reellement remerciements réellement s sa salut
salutations se selon sera serai seraient serais serait seras serez seriez serions serons seront
ses seulement si sien sienne siennes siens simplement sinon slt soi soient sois soit sommes sont
soyez soyons stp suis suite sur surement surtout svp sûrement t ta tandis tant te tel telle
tellement telles tels tes tien tienne tiennes tiens toi ton toujours toutefois tres très tu un
une unes uniquement uns va vais vas vers veuille veuillent veuilles veuillez veulent veut veux
via voici voila voilà vont vos votre votres voudra voudrai voudraient voudrais voudrait voudras
voudrez voudriez voudrions voudrons voudront voulaient voulais voulait voulant voulez vouliez
voulions voulons voulu vous vraiment vraisemblablement vôtre vôtres y à ça également étaient
étais était étant étiez étions éventuellement évidemment êtes être
`,
  nl: `
aan aangezien achter al alle allebei alleen allemaal allen allerlei alles als alsjeblieft alsnog
alsof alsook alstublieft alvast alvorens alweer ander andere anderen aub bedankt beide beiden
ben bent betreffende bij bijna blijkbaar boven bovendien bvd circa daar daaraan daarbij daardoor
daarentegen daarheen daarin daarmee daarna daarnaar daarnaast daarom daarop daarover daartegen
daartoe daaruit daarvan daarvoor dames dan dank dankje dankjewel dankuwel dankzij dat datgene de
degene degenen dergelijk dergelijke deze die diegene dit door doordat duren dus echter een eens
eigenlijk elk elkaar elke en enige enkele enkelen er eraan erbij erdoor erg ergens erin ermee
erna ernaar erom erop erover ertegen ertoe eruit ervan ervoor even evenals eveneens eventueel
feitelijk ga gaan gaat geachte gedurende gegaan gegroet gehad gehoeven gekund gemoeten gemogen
genoeg geweest gewild gewoon gewoonweg geworden ging gingen goedemiddag goedemorgen goedenavond
goedendag goeiemiddag goeiemorgen graag groet groeten groetjes haar haarzelf had hadden hallo
hartelijk heb hebben hebt heeft heel heer helaas helemaal hem hemzelf hen heren het hetgeen
hetzij hier hieraan hierbij hierdoor hierheen hierin hiermee hierna hiernaar hierom hierop
hierover hiertegen hiertoe hieruit hiervan hiervoor hij hoe hoef hoefde hoefden hoeft hoeveel
hoeven hoewel hoezo hoi hoor hun ieder iedere iedereen iemand iets ik immers in indien inmiddels
intussen inzake is ja je jegens jezelf jij jou jouw jullie kan kennelijk kon konden kun kunnen
kunt langs maar mag me mee mekaar men met mevrouw mezelf middels mij mijn misschien mits mocht
mochten moest moesten moet moeten mogen momenteel mvg na naar naarmate naast nabij nadat
namelijk nog nogal nogmaals nou nu of ofschoon ofwel om omdat omtrent ondanks onder ondertussen
ongeveer ons onszelf onze ook op opdat over overigens reeds rond rondom schijnbaar sedert
simpelweg sinds slechts sommige sommigen sowieso steeds t tamelijk te tegen tegenover terwijl
tevens thans tijdens toch toen tot totdat trouwens tussen u uit uiteraard uitsluitend uw uzelf
van vanaf vanuit vanwege veel vele velen verband vermoedelijk vervolgens volgens voor vooraleer
voorbaat voordat waar waaraan waarbij waardoor waarheen waarin waarmee waarna waarnaar waarom
waarop waarover waarschijnlijk waartegen waartoe waaruit waarvan waarvoor wanneer want waren was
wat we weer wees weest wegens weinig weinige wel welk welke wellicht werd werden werkelijk wie
wiens wier wij wil wilde wilden willen wilt worden wordt wou wouden zal ze zeer zelf zelfs zich
zichzelf zij zijn zo zoals zodat zodra zolang zou zouden zowat zowel zulk zulke zullen zult
`,
  sv: `
all alla allt alltid alltså andra andras ang angående annan annars annat annu antagligen
antingen asså att av aven bakom bara behöva behövde behöver behövs behövt beträffande bla bland
blev bli blir bliva blivit blott borde btw bägge båda både bör de dej dem den denna deras dess
dessa dessutom det detta dig din dina dit ditt dock du dvs där därav därefter däremot därför
däri därifrån därigenom därmed därom därpå därtill därutöver därvid då efter eftersom egentligen
eller emellan emellertid emot en enbart endast enligt ens er era ert ett ev eventuellt faktiskt
fanns fastän fick finnas finns fler flera flest flesta for fortf fortfarande framför fran från
funnits få får fått följaktligen för före förlåt förmodligen förresten förrän ganska genom gärna
ha hade haft hallå halsningar han hans har hej hejdå hejhej hejsan heller hellre helst henne
hennes hey hi hittills hon honom hos hur hursomhelst huruvida hälsning hälsningar här härav
härefter härifrån härigenom härmed härtill i iaf iallafall ibland ifall igen igenom inför inkl
innan innanför inom iofs ja jag ju just kan kanske kring kunde kunna kunnat kära likaledes
likaså liksom lite lyckligtvis låta man maste med medan medans mej mellan men mer mera mest mig
min mina mitt mot mvh mycket må många måste måtte möjligen nagon nagot nagra nar ni nog nu
nämligen när nästan någon något några nån nåra nåt och ocksa också ofta oftast om omkring oss
osv par per pga plötsligt på redan resp respektive resten samt samtliga sedan sej sig sin sina
sitt själv själva självt ska skall skulle snälla som somliga sorry ständigt så sådan sådana
sådant sådär såhär således sån såna sånt såsom såvida såvitt såväl tack tackar tacksam tacksamma
till tills tja tjena tjenare troligen troligtvis trots ty tydligen tyvarr tyvärr tämligen under
uppenbarligen ursäkta utanför va vad vadå valdigt vanligen vanligtvis var vara varandra
varandras varav vardera varenda varfor varför vari varifran varifrån varigenom varit varje
varmed varom varpå vars vart varvid velat vem vems verkligen vh vi via vid vilja vilka vilken
vilket vill ville vissa visst vore väl väldigt vänlig vänliga vänligen vår våra vårt än ändå
ännu är även åt åter återigen åtskilliga över
`,
};
