package br.com.techassist.shipments.sandbox.scenario;

import java.util.List;

/** Realistic Brazilian names, places and repaired products for generated parcels. */
final class BrazilianData {

    private BrazilianData() {}

    static final List<City> CITIES = List.of(
            new City("São Paulo", "SP", "11", "01310", List.of("Bela Vista", "Mooca", "Pinheiros", "Tatuapé", "Santana"), 1),
            new City("Campinas", "SP", "19", "13010", List.of("Centro", "Cambuí", "Taquaral", "Barão Geraldo"), 1),
            new City("Rio de Janeiro", "RJ", "21", "20040", List.of("Centro", "Tijuca", "Copacabana", "Méier", "Botafogo"), 2),
            new City("Niterói", "RJ", "21", "24020", List.of("Icaraí", "Centro", "Santa Rosa"), 2),
            new City("Vitória", "ES", "27", "29010", List.of("Praia do Canto", "Jardim da Penha", "Centro"), 3),
            new City("Belo Horizonte", "MG", "31", "30130", List.of("Savassi", "Funcionários", "Pampulha", "Barreiro"), 2),
            new City("Uberlândia", "MG", "34", "38400", List.of("Centro", "Santa Mônica", "Tibery"), 3),
            new City("Salvador", "BA", "71", "40020", List.of("Barra", "Pituba", "Itapuã", "Brotas"), 4),
            new City("Recife", "PE", "81", "50010", List.of("Boa Viagem", "Casa Forte", "Madalena"), 4),
            new City("Fortaleza", "CE", "85", "60060", List.of("Aldeota", "Meireles", "Messejana"), 5),
            new City("Curitiba", "PR", "41", "80010", List.of("Batel", "Água Verde", "Boqueirão", "Centro"), 2),
            new City("Londrina", "PR", "43", "86010", List.of("Centro", "Gleba Palhano", "Jardim Higienópolis"), 2),
            new City("Florianópolis", "SC", "48", "88010", List.of("Centro", "Trindade", "Ingleses"), 3),
            new City("Porto Alegre", "RS", "51", "90010", List.of("Moinhos de Vento", "Menino Deus", "Centro Histórico"), 3),
            new City("Brasília", "DF", "61", "70040", List.of("Asa Norte", "Asa Sul", "Lago Sul"), 3),
            new City("Goiânia", "GO", "62", "74003", List.of("Setor Bueno", "Setor Oeste", "Setor Marista"), 3),
            new City("Rio Branco", "AC", "68", "69900", List.of("Bosque", "Centro", "Estação Experimental"), 7),
            new City("Cruzeiro do Sul", "AC", "68", "69980", List.of("Centro", "Formoso", "Miritizal"), 8),
            new City("Manaus", "AM", "92", "69005", List.of("Adrianópolis", "Centro", "Ponta Negra", "Flores"), 6),
            new City("Belém", "PA", "91", "66010", List.of("Nazaré", "Umarizal", "Batista Campos"), 5));

    static final List<String> FIRST_NAMES = List.of(
            "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia",
            "Aline", "Camila", "Letícia", "Beatriz", "Larissa", "Luana", "Raimunda", "Tatiane", "Gabriela",
            "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
            "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
            "Thiago", "Matheus", "Vinícius");

    static final List<String> SURNAMES = List.of(
            "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
            "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
            "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
            "Machado", "Mendes", "Freitas", "Cardoso", "Teixeira", "Araújo", "Cavalcanti", "Monteiro");

    static final List<String> STREETS = List.of(
            "Rua das Flores", "Avenida Brasil", "Rua Sete de Setembro", "Rua XV de Novembro",
            "Avenida Getúlio Vargas", "Rua Tiradentes", "Rua Dom Pedro II", "Avenida Rio Branco",
            "Rua São José", "Travessa Santa Luzia", "Rua Marechal Deodoro", "Avenida Amazonas",
            "Rua Barão do Rio Branco", "Rua José de Alencar", "Alameda dos Anjos");

    /** A repaired product and its declared value in reais. */
    record Product(String name, double value, int weightGrams) {}

    static final List<Product> PRODUCTS = List.of(
            new Product("Notebook Dell Inspiron 15", 3200.00, 2600),
            new Product("Notebook Lenovo IdeaPad 3", 2800.00, 2400),
            new Product("Notebook Acer Aspire 5", 2900.00, 2500),
            new Product("Smartphone Samsung Galaxy A54", 1800.00, 450),
            new Product("Smartphone Motorola Moto G84", 1400.00, 420),
            new Product("Smartphone Xiaomi Redmi Note 13", 1300.00, 430),
            new Product("iPhone 13 128GB", 3600.00, 400),
            new Product("Tablet Samsung Galaxy Tab A8", 1200.00, 800),
            new Product("Console PlayStation 5", 3900.00, 5200),
            new Product("Controle Xbox Series sem fio", 450.00, 500),
            new Product("Smartwatch Xiaomi Redmi Watch 3", 600.00, 250),
            new Product("Caixa de som JBL Flip 6", 700.00, 900),
            new Product("Fone de ouvido Sony WH-1000XM4", 1500.00, 600),
            new Product("Impressora HP DeskJet 2774", 450.00, 3800),
            new Product("Monitor LG UltraWide 29", 1100.00, 6000),
            new Product("Kindle Paperwhite", 750.00, 350),
            new Product("Roteador TP-Link Archer C6", 250.00, 700));

    static final List<String> ACCESSORIES = List.of("Carregador original", "Cabo USB-C", "Fonte de alimentação");
}
